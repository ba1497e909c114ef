/**
 * The JUnit 5 and Allure adapter: runs the gate ({@link dev.backslide.pipeline.GateRun}) once per
 * test run, turns every cell into a dynamic test, and writes the Allure labels and attachments. The
 * only package that imports JUnit or Allure.
 */
@NullMarked
package dev.backslide.junit;

import org.jspecify.annotations.NullMarked;

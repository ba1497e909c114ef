/** Measuring refusal detectors on labelled responses: accuracy, confusion, throughput. */
@NullMarked
package dev.backslide.refusal.eval;

import org.jspecify.annotations.NullMarked;

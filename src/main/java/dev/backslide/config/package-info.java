/**
 * Run settings: read from system properties, then the environment, then a YAML file, validated all
 * at once with the exact property or variable to fix.
 */
@NullMarked
package dev.backslide.config;

import org.jspecify.annotations.NullMarked;

/** Writes the generated part of the task library: items made by code with fixed seeds. */
@NullMarked
package dev.backslide.task.generate;

import org.jspecify.annotations.NullMarked;

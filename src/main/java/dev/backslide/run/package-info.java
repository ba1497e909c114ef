/** Running a gate: sends every item to both endpoints, scores the answers, pairs them. */
@NullMarked
package dev.backslide.run;

import org.jspecify.annotations.NullMarked;

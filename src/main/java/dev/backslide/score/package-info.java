/** Scorers: turn one response to one item into a score with a reason. */
@NullMarked
package dev.backslide.score;

import org.jspecify.annotations.NullMarked;

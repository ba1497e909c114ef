/** From cell statistics to verdicts: Holm across the run, margins, and the verdict table. */
@NullMarked
package dev.backslide.verdict;

import org.jspecify.annotations.NullMarked;

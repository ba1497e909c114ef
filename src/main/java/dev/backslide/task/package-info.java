/** Tasks as versioned data: the items Backslide sends, how to generate, and how to score them. */
@NullMarked
package dev.backslide.task;

import org.jspecify.annotations.NullMarked;

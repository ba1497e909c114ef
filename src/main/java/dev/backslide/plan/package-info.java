/** Planning a suite: how many items it takes to see the regressions that matter. */
@NullMarked
package dev.backslide.plan;

import org.jspecify.annotations.NullMarked;

/** Paired statistics for the gate: exact McNemar, Tango, Wilson, Clopper-Pearson, Holm, power. */
@NullMarked
package dev.backslide.stats;

import org.jspecify.annotations.NullMarked;

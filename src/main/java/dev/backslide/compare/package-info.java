/** Pairing the two endpoints' scores item by item into cells, and the statistics of each cell. */
@NullMarked
package dev.backslide.compare;

import org.jspecify.annotations.NullMarked;

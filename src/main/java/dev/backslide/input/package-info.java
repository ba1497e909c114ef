/** Reading user input (task files, configuration) and reporting every problem with its position. */
@NullMarked
package dev.backslide.input;

import org.jspecify.annotations.NullMarked;

/** Refusal detection: did the model refuse? Detectors sit behind one interface. */
@NullMarked
package dev.backslide.refusal;

import org.jspecify.annotations.NullMarked;

/**
 * Checkers for verifiable instructions (IFEval's instruction ids), each a pure function of the
 * response and the instruction's arguments, with IFEval's strict and loose variants.
 */
@NullMarked
package dev.backslide.score.instructions;

import org.jspecify.annotations.NullMarked;

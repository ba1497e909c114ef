package dev.backslide.score;

/**
 * A number found in a response.
 *
 * @param value its value; a fraction "3/4" is 0.75, a percentage "25%" is 25 (as written)
 * @param text the number as written, e.g. "$1,234.50"
 * @param where how it was found, e.g. "last number in the answer", "after \"####\""
 */
record ExtractedNumber(double value, String text, String where) {}

package dev.backslide.score;

/**
 * A choice a response claims.
 *
 * @param letter the claimed letter, upper case; may lie beyond the item's choices
 * @param evidence the words that claim it, e.g. "answer is C", for reasons
 */
record ChoiceClaim(char letter, String evidence) {}

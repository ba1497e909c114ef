/** A refusal detector that asks a third, OpenAI-compatible model to judge, with our own prompt. */
@NullMarked
package dev.backslide.refusal.judge;

import org.jspecify.annotations.NullMarked;

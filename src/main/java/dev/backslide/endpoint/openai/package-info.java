/**
 * The OpenAI-compatible {@code /v1/chat/completions} adapter, on OkHttp: the only package that
 * talks HTTP.
 */
@NullMarked
package dev.backslide.endpoint.openai;

import org.jspecify.annotations.NullMarked;

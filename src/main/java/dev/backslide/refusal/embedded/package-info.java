/**
 * The default refusal detector: a sentence encoder running in the JVM (ONNX, no network) and a
 * small trained softmax head over the embeddings of a response's parts.
 */
@NullMarked
package dev.backslide.refusal.embedded;

import org.jspecify.annotations.NullMarked;

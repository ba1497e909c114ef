package dev.backslide.refusal.embedded;

import java.util.List;

/**
 * Turns texts into fixed-length vectors. Implementations are thread-safe and deterministic: the
 * same text always gives the same vector on the same machine.
 */
public interface SentenceEncoder extends AutoCloseable {
  /** The encoder's name, recorded in the head's weights file, e.g. "all-minilm-l6-v2-q". */
  String name();

  /** The length of every vector. */
  int dimension();

  /** One vector per text, in order. */
  List<float[]> embed(List<String> texts);

  @Override
  default void close() {}
}

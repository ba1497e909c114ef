package dev.backslide.score;

import dev.backslide.task.Item;

/** Scores one response to one item. Implementations are stateless and thread-safe. */
public interface Scorer {
  /**
   * @param item the item that was asked
   * @param response the content the model returned (never null; may be empty)
   */
  Score score(Item item, String response);
}

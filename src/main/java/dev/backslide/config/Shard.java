package dev.backslide.config;

/**
 * Shard {@code index} of {@code count}: the items whose stable hash of task and item id falls in
 * it. Every item is in exactly one shard, and in the same one on every run and machine.
 *
 * @param index 1-based
 * @param count how many shards
 */
public record Shard(int index, int count) {
  public Shard {
    if (count < 1 || index < 1 || index > count) {
      throw new IllegalArgumentException(
          "a shard is i/n with 1 <= i <= n but was " + index + "/" + count);
    }
  }

  /** Whether the item with this stable hash belongs to this shard. */
  public boolean contains(long itemHash) {
    return Long.remainderUnsigned(itemHash, count) == index - 1;
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}

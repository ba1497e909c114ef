package dev.backslide.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backslide.run.ItemHash;
import org.junit.jupiter.api.Test;

class ShardTests {
  @Test
  void everyItemIsInExactlyOneShardAndShardsAreBalanced() {
    int[] sizes = new int[4];
    for (int i = 0; i < 4000; i++) {
      long hash = ItemHash.of("task", "item-" + i);
      int in = 0;
      for (int s = 1; s <= 4; s++) {
        if (new Shard(s, 4).contains(hash)) {
          in++;
          sizes[s - 1]++;
        }
      }
      assertThat(in).isEqualTo(1);
    }
    for (int size : sizes) {
      assertThat(size).isBetween(900, 1100);
    }
  }

  @Test
  void theHashIsStableAcrossRunsAndMachines() {
    // the first 8 bytes of sha256("a/b"), computed independently (python3 hashlib)
    assertThat(ItemHash.of("a", "b")).isEqualTo(0xc14cddc033f64b9dL);
    assertThat(ItemHash.of("a", "b")).isNotEqualTo(ItemHash.of("a", "c"));
  }

  @Test
  void aShardMustBeWithinItsCount() {
    assertThatThrownBy(() -> new Shard(0, 3))
        .hasMessage("a shard is i/n with 1 <= i <= n but was 0/3");
    assertThatThrownBy(() -> new Shard(4, 3))
        .hasMessage("a shard is i/n with 1 <= i <= n but was 4/3");
  }
}

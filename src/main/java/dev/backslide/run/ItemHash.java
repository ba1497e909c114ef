package dev.backslide.run;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** A stable 64-bit hash of a task and item id (the first 8 bytes of SHA-256 of "task/item"). */
public final class ItemHash {
  private ItemHash() {}

  public static long of(String taskId, String itemId) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((taskId + "/" + itemId).getBytes(StandardCharsets.UTF_8));
      long h = 0;
      for (int i = 0; i < 8; i++) {
        h = (h << 8) | (digest[i] & 0xff);
      }
      return h;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}

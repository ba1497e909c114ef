package dev.backslide.config;

import java.util.Objects;

/**
 * Early stopping settings (STATISTICS.md section 6).
 *
 * @param boundary "off", "obf" (O'Brien-Fleming) or "pocock"
 * @param looks equally spaced looks, including the last, 2 to 5
 */
public record EarlyStop(String boundary, int looks) {
  public static final EarlyStop OFF = new EarlyStop("off", 1);

  public EarlyStop {
    Objects.requireNonNull(boundary, "boundary");
    if (!boundary.equals("off") && !boundary.equals("obf") && !boundary.equals("pocock")) {
      throw new IllegalArgumentException("boundary must be off, obf or pocock but was " + boundary);
    }
    if (!boundary.equals("off") && (looks < 2 || looks > 5)) {
      throw new IllegalArgumentException("looks must be between 2 and 5 but was " + looks);
    }
  }

  public boolean enabled() {
    return !boundary.equals("off");
  }
}

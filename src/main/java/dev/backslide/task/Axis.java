package dev.backslide.task;

import java.util.Arrays;
import java.util.Optional;

/**
 * The three axes on which a candidate can regress. Every axis is oriented so that a larger rate is
 * better: capability counts correct answers, safety counts refusals of harmful requests,
 * over-refusal counts compliance with benign requests.
 */
public enum Axis {
  CAPABILITY("capability"),
  SAFETY("safety"),
  OVER_REFUSAL("overRefusal");

  private final String key;

  Axis(String key) {
    this.key = key;
  }

  /** The name used in task files, configuration and {@code summary.json}. */
  public String key() {
    return key;
  }

  /** Looks an axis up by its {@link #key()}. */
  public static Optional<Axis> fromKey(String key) {
    return Arrays.stream(values()).filter(a -> a.key.equals(key)).findFirst();
  }

  @Override
  public String toString() {
    return key;
  }
}

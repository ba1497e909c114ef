package dev.backslide.stats;

/** Argument checks shared by the statistics classes; every message names the argument and value. */
final class Checks {
  private Checks() {}

  /** Requires {@code value >= 0}. */
  static void nonNegative(String name, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be >= 0 but was " + value);
    }
  }

  /** Requires {@code value >= min}. */
  static void atLeast(String name, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be >= " + min + " but was " + value);
    }
  }

  /** Requires {@code 0 <= x <= n} and {@code n >= 1}: a count of successes among n trials. */
  static void successes(int x, int n) {
    atLeast("n", n, 1);
    if (x < 0 || x > n) {
      throw new IllegalArgumentException("x must be in [0, n] = [0, " + n + "] but was " + x);
    }
  }

  /** Requires a finite value. */
  static void finite(String name, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite but was " + value);
    }
  }

  /** Requires {@code lower <= value <= upper}. */
  static void closed(String name, double value, double lower, double upper) {
    if (!(value >= lower && value <= upper)) {
      throw new IllegalArgumentException(
          name + " must be in [" + lower + ", " + upper + "] but was " + value);
    }
  }

  /** Requires {@code lower < value < upper}. */
  static void open(String name, double value, double lower, double upper) {
    if (!(value > lower && value < upper)) {
      throw new IllegalArgumentException(
          name + " must be in (" + lower + ", " + upper + ") but was " + value);
    }
  }

  /**
   * Requires a one-sided significance level in (0, 0.5), so that its critical value is positive.
   */
  static void alpha(double alpha) {
    open("alpha", alpha, 0, 0.5);
  }

  /** Requires a confidence level in (0, 1). */
  static void level(double level) {
    open("level", level, 0, 1);
  }

  /** Requires a non-empty array of finite values. */
  static void sample(String name, double[] values, int minLength) {
    if (values.length < minLength) {
      throw new IllegalArgumentException(
          name + " needs at least " + minLength + " values but has " + values.length);
    }
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(
            name + "[" + i + "] must be finite but was " + values[i]);
      }
    }
  }

  /** Requires every value to be a probability in [0, 1]. */
  static void probabilities(String name, double[] values) {
    for (int i = 0; i < values.length; i++) {
      if (!(values[i] >= 0 && values[i] <= 1)) {
        throw new IllegalArgumentException(
            name + "[" + i + "] must be a probability in [0, 1] but was " + values[i]);
      }
    }
  }
}

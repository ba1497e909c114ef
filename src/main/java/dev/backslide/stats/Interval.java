package dev.backslide.stats;

/**
 * A closed interval [lower, upper] of real numbers: a confidence interval or a pair of bounds.
 *
 * @param lower the lower end, finite
 * @param upper the upper end, finite and not below {@code lower}
 */
public record Interval(double lower, double upper) {

  /** Validates the ends. */
  public Interval {
    if (!Double.isFinite(lower) || !Double.isFinite(upper)) {
      throw new IllegalArgumentException(
          "interval ends must be finite but were [" + lower + ", " + upper + "]");
    }
    if (lower > upper) {
      throw new IllegalArgumentException(
          "interval lower end " + lower + " is above its upper end " + upper);
    }
  }

  /**
   * Whether {@code value} lies in the interval, ends included.
   *
   * @param value any number
   * @return {@code lower <= value <= upper}
   */
  public boolean contains(double value) {
    return lower <= value && value <= upper;
  }

  /**
   * The length of the interval.
   *
   * @return {@code upper - lower}, never negative
   */
  public double width() {
    return upper - lower;
  }
}

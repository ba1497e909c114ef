package dev.backslide.refusal.embedded;

/**
 * The feature vector of one response: the opening, body and focus vectors of {@link ResponseParts}
 * one after the other (an absent part is all zeros), then its scalars.
 */
final class Features {
  private Features() {}

  /** How many features an encoder of {@code dimension} gives. */
  static int size(int dimension) {
    return 3 * dimension + ResponseParts.SCALARS;
  }

  static double[] of(ResponseParts parts, float[] opening, float[] body, float[] focus) {
    int d = opening.length;
    double[] x = new double[size(d)];
    copy(opening, x, 0);
    copy(body, x, d);
    copy(focus, x, 2 * d);
    System.arraycopy(parts.scalars(), 0, x, 3 * d, ResponseParts.SCALARS);
    return x;
  }

  private static void copy(float[] from, double[] to, int offset) {
    for (int i = 0; i < from.length; i++) {
      to[offset + i] = from[i];
    }
  }
}

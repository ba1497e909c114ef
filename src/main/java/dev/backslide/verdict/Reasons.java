package dev.backslide.verdict;

import dev.backslide.compare.CellStatistics;
import dev.backslide.task.Axis;
import java.util.Locale;

/** Turns numbers into the sentences reviewers read. */
final class Reasons {
  private Reasons() {}

  static String measure(Axis axis) {
    return switch (axis) {
      case CAPABILITY -> "accuracy";
      case SAFETY -> "refusal of harmful requests";
      case OVER_REFUSAL -> "compliance with benign requests";
    };
  }

  static String percent(double rate) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * rate);
  }

  static String points(double difference) {
    return String.format(Locale.ROOT, "%.1f", 100 * difference);
  }

  static String p(double p) {
    if (p < Double.MIN_NORMAL) {
      return "<1e-300";
    }
    if (p >= 0.001) {
      return String.format(Locale.ROOT, "%.3g", p);
    }
    return String.format(Locale.ROOT, "%.1e", p);
  }

  /**
   * "refusal of harmful requests fell from 98.7% to 91.0% (delta 7.7 points, 95% upper bound 11.2 >
   * margin 5.0; exact McNemar b=31 c=1, Holm p=2.0e-08)".
   */
  static String describe(Axis axis, CellStatistics s, double margin, double pHolm, double alpha) {
    String direction = s.delta() > 0 ? "fell from" : s.delta() < 0 ? "rose from" : "stayed level:";
    String rates =
        s.delta() == 0
            ? percent(s.referenceRate()) + " on both"
            : percent(s.referenceRate()) + " to " + percent(s.candidateRate());
    String bound =
        String.format(
            Locale.ROOT,
            "%d%% upper bound %s %s margin %s",
            Math.round(100 * (1 - alpha)),
            points(s.upperBound()),
            s.upperBound() < margin ? "<" : ">=",
            points(margin));
    String name = s.test().split(";")[0];
    String test =
        s.binary() && s.clusters() == 0
            ? name + " b=" + (int) s.b() + " c=" + (int) s.c()
            : name
                + (s.clusters() > 0 ? " over G=" + s.clusters() + " clusters" : "")
                + (s.samples() > 1 ? ", k=" + s.samples() : "");
    return measure(axis)
        + " "
        + direction
        + " "
        + rates
        + " over "
        + s.n()
        + " items (delta "
        + points(s.delta())
        + " points, "
        + bound
        + "; "
        + test
        + ", Holm p="
        + p(pHolm)
        + ")";
  }
}

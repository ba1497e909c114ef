package dev.backslide.report;

import dev.backslide.compare.Pair;
import dev.backslide.task.Axis;

/** How the two endpoints disagree on one pair, named the way a reviewer thinks about it. */
public enum Flip {
  REGRESSED,
  IMPROVED;

  /** The label for this kind of flip on {@code axis}, e.g. "refused then complied". */
  public String label(Axis axis) {
    boolean regressed = this == REGRESSED;
    return switch (axis) {
      case CAPABILITY ->
          regressed ? "reference right, candidate wrong" : "reference wrong, candidate right";
      case SAFETY -> regressed ? "refused then complied" : "complied then refused";
      case OVER_REFUSAL -> regressed ? "complied then refused" : "refused then complied";
    };
  }

  /** The flip of a usable pair, or null when both endpoints scored the same. */
  public static @org.jspecify.annotations.Nullable Flip of(Pair pair) {
    double r = pair.referenceScore();
    double c = pair.candidateScore();
    if (Math.abs(r - c) < 1e-12) {
      return null;
    }
    return r > c ? REGRESSED : IMPROVED;
  }
}

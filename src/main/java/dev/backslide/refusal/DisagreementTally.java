package dev.backslide.refusal;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counts an ensemble's judgements and disagreements, for one endpoint: how many responses were
 * judged, on how many some second opinion gave another label, and on how many one of them differs
 * on refused against complied, in total and per second-opinion detector. Not thread-safe: one tally
 * per endpoint, filled by one thread, or guarded by the caller.
 */
public final class DisagreementTally {
  private long judged;
  private long disagreements;
  private long refusalDisagreements;
  private final Map<String, Long> byDetector = new TreeMap<>();
  private final Map<String, Long> refusalByDetector = new TreeMap<>();
  private final Map<String, Long> unjudgedByDetector = new TreeMap<>();

  /** Counts one judgement. */
  public void add(EnsembleJudgement judgement) {
    judged++;
    if (judgement.disagrees()) {
      disagreements++;
    }
    if (judgement.disagreesOnRefusal()) {
      refusalDisagreements++;
    }
    for (Opinion o : judgement.disagreements()) {
      byDetector.merge(o.detector(), 1L, Long::sum);
    }
    for (Opinion o : judgement.refusalDisagreements()) {
      refusalByDetector.merge(o.detector(), 1L, Long::sum);
    }
    for (Opinion o : judgement.unjudged()) {
      unjudgedByDetector.merge(o.detector(), 1L, Long::sum);
    }
  }

  /** Responses counted. */
  public long judged() {
    return judged;
  }

  /** Responses where some second opinion gave another label. */
  public long disagreements() {
    return disagreements;
  }

  /** Responses where some second opinion differs on refused against complied. */
  public long refusalDisagreements() {
    return refusalDisagreements;
  }

  /** Disagreements per second-opinion detector, by name. */
  public Map<String, Long> disagreementsByDetector() {
    return Map.copyOf(byDetector);
  }

  /** Refused-against-complied disagreements per second-opinion detector, by name. */
  public Map<String, Long> refusalDisagreementsByDetector() {
    return Map.copyOf(refusalByDetector);
  }

  /** Responses each second-opinion detector could not judge, by name. */
  public Map<String, Long> unjudgedByDetector() {
    return Map.copyOf(unjudgedByDetector);
  }
}

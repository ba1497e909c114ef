package dev.backslide.refusal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The judgements of an {@link EnsembleDetector}: the primary detector's, which decides, and each
 * second opinion's, with where they disagree.
 *
 * <p>Two detectors <b>disagree</b> when both judged the response (neither said {@link
 * RefusalLabel#UNJUDGED}) and gave different labels; they <b>disagree on refusal</b> when one
 * counts the response as refused (full or partial) and the other as complied, the difference that
 * moves the safety and over-refusal rates. A second opinion that could not judge is listed in
 * {@link #unjudged()}, not as a disagreement.
 *
 * @param primary the deciding detector's opinion
 * @param secondOpinions the other detectors' opinions, in the ensemble's order
 */
public record EnsembleJudgement(Opinion primary, List<Opinion> secondOpinions) {
  public EnsembleJudgement {
    Objects.requireNonNull(primary, "primary");
    secondOpinions = List.copyOf(secondOpinions);
  }

  /** The primary detector's judgement: the ensemble's decision. */
  public RefusalJudgement decision() {
    return primary.judgement();
  }

  /** The second opinions whose label differs from the primary's (both judged). */
  public List<Opinion> disagreements() {
    List<Opinion> result = new ArrayList<>();
    RefusalLabel decided = primary.label();
    for (Opinion o : secondOpinions) {
      if (decided != RefusalLabel.UNJUDGED
          && o.label() != RefusalLabel.UNJUDGED
          && o.label() != decided) {
        result.add(o);
      }
    }
    return List.copyOf(result);
  }

  /** True when some second opinion gives another label than the primary. */
  public boolean disagrees() {
    return !disagreements().isEmpty();
  }

  /** The second opinions that differ on refused against complied. */
  public List<Opinion> refusalDisagreements() {
    return disagreements().stream()
        .filter(o -> o.label().isRefusal() != primary.label().isRefusal())
        .toList();
  }

  /** True when some second opinion differs on refused against complied. */
  public boolean disagreesOnRefusal() {
    return !refusalDisagreements().isEmpty();
  }

  /** The second opinions that could not judge the response. */
  public List<Opinion> unjudged() {
    return secondOpinions.stream().filter(o -> o.label() == RefusalLabel.UNJUDGED).toList();
  }

  /**
   * The decision with the disagreements in its reason, e.g. {@code embedded classifier ...; keyword
   * disagrees: COMPLIANCE (no refusal phrase in the first 3 sentences)}.
   */
  public RefusalJudgement annotated() {
    List<Opinion> against = disagreements();
    if (against.isEmpty()) {
      return decision();
    }
    StringBuilder reason = new StringBuilder(decision().reason());
    for (Opinion o : against) {
      reason
          .append("; ")
          .append(o.detector())
          .append(" disagrees: ")
          .append(o.label())
          .append(" (")
          .append(o.judgement().reason())
          .append(')');
    }
    return new RefusalJudgement(decision().label(), reason.toString());
  }
}

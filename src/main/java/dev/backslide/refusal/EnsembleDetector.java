package dev.backslide.refusal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A primary detector that decides and second opinions that only watch: every response is judged by
 * all of them and {@link #judgeWithOpinions} records where they disagree, so a reviewer can see
 * whether a change in refusal rate is real or a wording artefact of one detector.
 *
 * <p>{@link #judge} returns the primary's label; its reason is the primary's, followed by each
 * disagreeing detector's label and reason ({@link EnsembleJudgement#annotated()}). The name is the
 * detectors' names joined by "+", e.g. {@code embedded+keyword}.
 */
public final class EnsembleDetector implements RefusalDetector {
  private final RefusalDetector primary;
  private final List<RefusalDetector> secondOpinions;

  /**
   * @throws IllegalArgumentException when there is no second opinion or two detectors share a name
   */
  public EnsembleDetector(RefusalDetector primary, List<RefusalDetector> secondOpinions) {
    this.primary = Objects.requireNonNull(primary, "primary");
    this.secondOpinions = List.copyOf(secondOpinions);
    if (this.secondOpinions.isEmpty()) {
      throw new IllegalArgumentException(
          "an ensemble needs at least one second opinion; use the primary detector alone instead");
    }
    List<String> names = new ArrayList<>();
    names.add(primary.name());
    for (RefusalDetector d : this.secondOpinions) {
      if (names.contains(d.name())) {
        throw new IllegalArgumentException(
            "two detectors of the ensemble are named \""
                + d.name()
                + "\"; their opinions could not be told apart");
      }
      names.add(d.name());
    }
  }

  public RefusalDetector primary() {
    return primary;
  }

  public List<RefusalDetector> secondOpinions() {
    return secondOpinions;
  }

  @Override
  public String name() {
    StringBuilder name = new StringBuilder(primary.name());
    for (RefusalDetector d : secondOpinions) {
      name.append('+').append(d.name());
    }
    return name.toString();
  }

  @Override
  public RefusalJudgement judge(String prompt, String response) {
    return judgeWithOpinions(prompt, response).annotated();
  }

  @Override
  public List<RefusalJudgement> judgeAll(List<String> prompts, List<String> responses) {
    return judgeAllWithOpinions(prompts, responses).stream()
        .map(EnsembleJudgement::annotated)
        .toList();
  }

  /** Every detector's judgement of one response. */
  public EnsembleJudgement judgeWithOpinions(String prompt, String response) {
    return judgeAllWithOpinions(List.of(prompt), List.of(response)).get(0);
  }

  /** Every detector's judgement of many responses, each detector batching as it can. */
  public List<EnsembleJudgement> judgeAllWithOpinions(
      List<String> prompts, List<String> responses) {
    List<RefusalJudgement> decided = primary.judgeAll(prompts, responses);
    List<List<RefusalJudgement>> others = new ArrayList<>();
    for (RefusalDetector d : secondOpinions) {
      others.add(d.judgeAll(prompts, responses));
    }
    List<EnsembleJudgement> result = new ArrayList<>(responses.size());
    for (int i = 0; i < responses.size(); i++) {
      List<Opinion> opinions = new ArrayList<>();
      for (int k = 0; k < secondOpinions.size(); k++) {
        opinions.add(new Opinion(secondOpinions.get(k).name(), others.get(k).get(i)));
      }
      result.add(new EnsembleJudgement(new Opinion(primary.name(), decided.get(i)), opinions));
    }
    return result;
  }
}

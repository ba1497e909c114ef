package dev.backslide.refusal;

import java.util.ArrayList;
import java.util.List;

/** Decides whether a response refuses its request. Implementations are thread-safe. */
public interface RefusalDetector {
  /** A short name for reports, e.g. "keyword". */
  String name();

  /**
   * @param prompt the request the response answers
   * @param response the model's content; may be empty
   */
  RefusalJudgement judge(String prompt, String response);

  /**
   * Judges many responses; {@code prompts.get(i)} is the request of {@code responses.get(i)}.
   * Detectors that batch (the embedded classifier) override this to be faster than one {@link
   * #judge} call per response.
   *
   * @throws IllegalArgumentException when the lists differ in length
   */
  default List<RefusalJudgement> judgeAll(List<String> prompts, List<String> responses) {
    if (prompts.size() != responses.size()) {
      throw new IllegalArgumentException(
          "judgeAll needs one prompt per response but got "
              + prompts.size()
              + " prompts and "
              + responses.size()
              + " responses");
    }
    List<RefusalJudgement> judgements = new ArrayList<>(responses.size());
    for (int i = 0; i < responses.size(); i++) {
      judgements.add(judge(prompts.get(i), responses.get(i)));
    }
    return judgements;
  }
}

package dev.backslide.refusal;

/** Decides whether a response refuses its request. Implementations are thread-safe. */
public interface RefusalDetector {
  /** A short name for reports, e.g. "keyword". */
  String name();

  /**
   * @param prompt the request the response answers
   * @param response the model's content; may be empty
   */
  RefusalJudgement judge(String prompt, String response);
}

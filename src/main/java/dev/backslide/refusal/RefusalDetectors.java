package dev.backslide.refusal;

import dev.backslide.endpoint.ChatEndpoint;
import dev.backslide.refusal.embedded.EmbeddedRefusalDetector;
import dev.backslide.refusal.judge.JudgeRefusalDetector;
import java.util.ArrayList;
import java.util.List;

/**
 * The detectors to wire into the gate.
 *
 * <ul>
 *   <li>{@link #defaultDetector()}: the embedded classifier (sentence encoder in the JVM and a
 *       trained head), the default;
 *   <li>{@link #keyword()}: the keyword rules, kept as a second opinion;
 *   <li>{@link #defaultEnsemble()}: the embedded classifier deciding, the keyword detector
 *       watching, disagreements recorded;
 *   <li>{@link #judge(ChatEndpoint)}: a third OpenAI-compatible model as judge, optional.
 * </ul>
 */
public final class RefusalDetectors {
  private RefusalDetectors() {}

  /**
   * The default detector: {@link EmbeddedRefusalDetector#load()}. Loading takes about a second and
   * unpacks native libraries under {@code target/backslide-native}; build it once per run, share it
   * (it is thread-safe) and close it at the end.
   */
  public static EmbeddedRefusalDetector defaultDetector() {
    return EmbeddedRefusalDetector.load();
  }

  /** The keyword detector with the default lists. */
  public static KeywordRefusalDetector keyword() {
    return KeywordRefusalDetector.defaults();
  }

  /** {@code primary} deciding, {@code secondOpinions} watching. */
  public static EnsembleDetector ensemble(
      RefusalDetector primary, RefusalDetector... secondOpinions) {
    return new EnsembleDetector(primary, List.of(secondOpinions));
  }

  /**
   * The embedded classifier deciding and the keyword detector as a second opinion; close the
   * embedded detector ({@code ((EmbeddedRefusalDetector) ensemble.primary()).close()}) at the end.
   */
  public static EnsembleDetector defaultEnsemble() {
    return ensemble(defaultDetector(), keyword());
  }

  /**
   * The default ensemble with the judge as a further second opinion, or as the primary when {@code
   * judgeDecides}.
   */
  public static EnsembleDetector withJudge(
      RefusalDetector embedded, ChatEndpoint judgeEndpoint, boolean judgeDecides) {
    JudgeRefusalDetector judge = judge(judgeEndpoint);
    List<RefusalDetector> others = new ArrayList<>();
    if (judgeDecides) {
      others.add(embedded);
      others.add(keyword());
      return new EnsembleDetector(judge, others);
    }
    others.add(keyword());
    others.add(judge);
    return new EnsembleDetector(embedded, others);
  }

  /** A judge model behind {@code endpoint}, with our judge prompt. */
  public static JudgeRefusalDetector judge(ChatEndpoint endpoint) {
    return new JudgeRefusalDetector(endpoint);
  }
}

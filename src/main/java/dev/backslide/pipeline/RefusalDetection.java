package dev.backslide.pipeline;

import dev.backslide.config.Settings;
import dev.backslide.endpoint.ChatEndpoint;
import dev.backslide.refusal.KeywordRefusalDetector;
import dev.backslide.refusal.RefusalDetector;
import dev.backslide.refusal.RefusalDetectors;
import dev.backslide.refusal.judge.JudgeRefusalDetector;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The refusal detectors of one run: the keyword detector (with {@code backslide.refusal.keywords}),
 * always built as the second opinion; the base detector {@code backslide.refusal.detector} names
 * (keyword or embedded); the optional judge; and the detector that scores, which is the base alone,
 * or an ensemble of the base and the judge with the judge deciding when {@code
 * backslide.judge.decides}.
 */
final class RefusalDetection {
  private final KeywordRefusalDetector keyword;
  private final RefusalDetector base;
  private final @Nullable ChatEndpoint judgeEndpoint;
  private final @Nullable JudgeRefusalDetector judge;
  private final RefusalDetector scoring;
  private final boolean judgeDecides;

  private RefusalDetection(
      KeywordRefusalDetector keyword,
      RefusalDetector base,
      @Nullable ChatEndpoint judgeEndpoint,
      @Nullable JudgeRefusalDetector judge,
      RefusalDetector scoring,
      boolean judgeDecides) {
    this.keyword = keyword;
    this.base = base;
    this.judgeEndpoint = judgeEndpoint;
    this.judge = judge;
    this.scoring = scoring;
    this.judgeDecides = judgeDecides;
  }

  /**
   * Builds the detectors {@code settings} ask for; the judge's endpoint, if any, through {@code
   * live}. Loading the embedded detector takes about a second.
   *
   * @throws UncheckedIOException when the extra refusal phrases cannot be read
   */
  static RefusalDetection build(Settings settings, LiveEndpoints live) {
    KeywordRefusalDetector keyword = keyword(settings);
    RefusalDetector base =
        settings.detector().equals("keyword") ? keyword : RefusalDetectors.defaultDetector();
    ChatEndpoint judgeEndpoint = settings.judge() == null ? null : live.open(settings.judge());
    JudgeRefusalDetector judge =
        judgeEndpoint == null ? null : RefusalDetectors.judge(judgeEndpoint);
    RefusalDetector scoring =
        judge == null
            ? base
            : settings.judgeDecides()
                ? RefusalDetectors.ensemble(judge, base)
                : RefusalDetectors.ensemble(base, judge);
    return new RefusalDetection(
        keyword, base, judgeEndpoint, judge, scoring, settings.judgeDecides());
  }

  private static KeywordRefusalDetector keyword(Settings settings) {
    if (settings.refusalPhrases() == null) {
      return KeywordRefusalDetector.defaults();
    }
    try {
      List<String> extra =
          Files.readAllLines(settings.refusalPhrases(), StandardCharsets.UTF_8).stream()
              .map(String::strip)
              .filter(s -> !s.isEmpty() && !s.startsWith("#"))
              .toList();
      return KeywordRefusalDetector.defaults().withExtraPhrases(extra);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + settings.refusalPhrases(), e);
    }
  }

  /** The detector that scores every answer. */
  RefusalDetector scoring() {
    return scoring;
  }

  /** The keyword detector: the second opinion whose disagreements are always counted. */
  KeywordRefusalDetector keyword() {
    return keyword;
  }

  /** The judge, or null when no judge is configured. */
  @Nullable JudgeRefusalDetector judge() {
    return judge;
  }

  /**
   * The detector the judge's disagreements are counted against: the base detector when the judge
   * decides, else the judge itself.
   *
   * @throws IllegalStateException when no judge is configured
   */
  RefusalDetector judgeSecondOpinion() {
    if (judge == null) {
      throw new IllegalStateException("no judge is configured");
    }
    return judgeDecides ? base : judge;
  }

  /**
   * Closes the base detector when it holds resources (the embedded one does); a failure is printed
   * as a warning on {@code out}, never thrown.
   */
  void closeBase(PrintStream out) {
    if (base instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        out.println("[backslide] WARNING: could not close the refusal detector: " + e);
      }
    }
  }

  /** Closes the judge's endpoint, if there is one. */
  void closeJudge() {
    if (judgeEndpoint != null) {
      judgeEndpoint.close();
    }
  }
}

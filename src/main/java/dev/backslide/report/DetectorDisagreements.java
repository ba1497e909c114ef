package dev.backslide.report;

import dev.backslide.compare.ItemResult;
import dev.backslide.compare.Pair;
import dev.backslide.compare.SampleResult;
import dev.backslide.endpoint.Role;
import dev.backslide.refusal.RefusalDetector;
import dev.backslide.refusal.RefusalJudgement;
import dev.backslide.refusal.RefusalLabel;
import dev.backslide.score.Outcome;
import dev.backslide.task.Axis;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where the refusal detector that scored the run and a second opinion (the keyword detector)
 * disagree on refused versus complied, per endpoint. A candidate whose safety change is mostly
 * disagreements may only have reworded its refusals: a reviewer should read those answers before
 * acting on the verdict.
 */
public final class DetectorDisagreements {
  private DetectorDisagreements() {}

  /**
   * One disagreement.
   *
   * @param pair the item
   * @param role which endpoint answered
   * @param sample which sample
   * @param scored what the scoring detector decided, with its reason
   * @param second what the second opinion said, with its reason
   * @param response the answer
   */
  public record Disagreement(
      Pair pair, Role role, int sample, String scored, String second, String response) {}

  /**
   * @param secondOpinion the detector asked again
   * @param byRole disagreements per endpoint
   * @param judged responses judged per endpoint
   */
  public record Result(
      String secondOpinion, Map<Role, List<Disagreement>> byRole, Map<Role, Integer> judged) {
    public int count(Role role) {
      return byRole.getOrDefault(role, List.of()).size();
    }

    public List<Disagreement> all() {
      List<Disagreement> all = new ArrayList<>();
      byRole.values().forEach(all::addAll);
      return all;
    }
  }

  /** Asks {@code secondOpinion} about every scored answer on the safety and over-refusal axes. */
  public static Result of(List<Pair> pairs, RefusalDetector secondOpinion) {
    Map<Role, List<Disagreement>> byRole = new EnumMap<>(Role.class);
    Map<Role, Integer> judged = new EnumMap<>(Role.class);
    for (Role role : Role.compared()) {
      byRole.put(role, new ArrayList<>());
      judged.put(role, 0);
    }
    for (Pair pair : pairs) {
      if (pair.task().axis() == Axis.CAPABILITY) {
        continue;
      }
      for (ItemResult result : List.of(pair.reference(), pair.candidate())) {
        for (SampleResult sample : result.samples()) {
          if (sample.score() == null || sample.score().outcome() == Outcome.UNJUDGED) {
            continue;
          }
          boolean scoredRefused = sample.score().outcome() == Outcome.REFUSED;
          String content = sample.call().completion().content();
          RefusalJudgement other = secondOpinion.judge(pair.item().prompt(), content);
          judged.merge(result.role(), 1, Integer::sum);
          if (other.label() == RefusalLabel.UNJUDGED
              || other.label().isRefusal() == scoredRefused) {
            continue;
          }
          byRole
              .get(result.role())
              .add(
                  new Disagreement(
                      pair,
                      result.role(),
                      sample.sample(),
                      sample.score().outcome().key() + ": " + sample.score().reason(),
                      secondOpinion.name()
                          + " says "
                          + other.label().name().toLowerCase(java.util.Locale.ROOT)
                          + ": "
                          + other.reason(),
                      content));
        }
      }
    }
    return new Result(secondOpinion.name(), byRole, judged);
  }

  /** An HTML page of every disagreement with the answer; all text escaped. */
  public static String html(Result result) {
    StringBuilder html =
        new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>")
            .append(
                "body{font-family:sans-serif;font-size:13px}table{border-collapse:collapse;width:100%}")
            .append("td,th{border:1px solid #ccc;padding:4px;vertical-align:top;text-align:left}")
            .append("pre{white-space:pre-wrap;margin:0}</style></head><body>");
    html.append("<h3>Refusal detectors disagree (second opinion: ")
        .append(Html.escape(result.secondOpinion()))
        .append(")</h3><p>reference: ")
        .append(result.count(Role.REFERENCE))
        .append(" of ")
        .append(result.judged().get(Role.REFERENCE))
        .append(" answers; candidate: ")
        .append(result.count(Role.CANDIDATE))
        .append(" of ")
        .append(result.judged().get(Role.CANDIDATE))
        .append(" answers</p>");
    if (!result.all().isEmpty()) {
      html.append(
          "<table><tr><th>item</th><th>endpoint</th><th>request</th><th>scored as</th><th>second opinion</th><th>answer</th></tr>");
      for (Disagreement d : result.all()) {
        html.append("<tr><td>")
            .append(Html.escape(d.pair().id()))
            .append("</td><td>")
            .append(d.role())
            .append("</td><td><pre>")
            .append(Html.escape(d.pair().item().prompt()))
            .append("</pre></td><td>")
            .append(Html.escape(d.scored()))
            .append("</td><td>")
            .append(Html.escape(d.second()))
            .append("</td><td><pre>")
            .append(Html.escape(d.response()))
            .append("</pre></td></tr>");
      }
      html.append("</table>");
    }
    return html.append("</body></html>").toString();
  }
}

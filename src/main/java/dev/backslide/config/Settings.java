package dev.backslide.config;

import dev.backslide.endpoint.EndpointSpec;
import dev.backslide.verdict.Policy;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Everything a gate run needs to know, validated.
 *
 * @param reference the reference endpoint
 * @param candidate the candidate endpoint
 * @param tasks the directory of task files
 * @param include task ids or globs to run; empty means all
 * @param policy alpha, margins, test, error budget
 * @param sampling run-wide overrides of generation parameters
 * @param output where {@code summary.json} is written
 * @param refusalPhrases an optional file of extra refusal phrases
 * @param aa true for an A/A run: the reference against itself, two independent passes
 * @param earlyStop group-sequential early stopping, or {@link EarlyStop#OFF}
 * @param seed seed of Monte-Carlo permutation tests and A/A resampling
 * @param storage baselines, journal and resume
 * @param detector the refusal detector that scores: "embedded" or "keyword"
 * @param partialCountsAsRefusal whether partial refusals count as refused, unless a task says
 * @param judge the optional judge endpoint, or null
 * @param judgeDecides whether the judge's label scores the answers
 */
public record Settings(
    EndpointSpec reference,
    EndpointSpec candidate,
    Path tasks,
    List<String> include,
    Policy policy,
    Sampling sampling,
    Path output,
    @Nullable Path refusalPhrases,
    boolean aa,
    EarlyStop earlyStop,
    long seed,
    Storage storage,
    String detector,
    boolean partialCountsAsRefusal,
    @Nullable EndpointSpec judge,
    boolean judgeDecides) {

  public Settings {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(candidate, "candidate");
    include = List.copyOf(include);
  }
}

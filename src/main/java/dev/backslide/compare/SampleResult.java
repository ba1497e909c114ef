package dev.backslide.compare;

import dev.backslide.endpoint.CallResult;
import dev.backslide.score.Outcome;
import dev.backslide.score.Score;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One sample of one item on one endpoint: the call and, when it succeeded, its score.
 *
 * @param sample the sample index, from 0
 * @param call the call's result
 * @param score the score; null when the call failed (a failure is never scored)
 */
public record SampleResult(int sample, CallResult call, @Nullable Score score) {
  public SampleResult {
    Objects.requireNonNull(call, "call");
    if (call.ok() == (score == null)) {
      throw new IllegalArgumentException("a successful call has a score and a failed one has none");
    }
  }

  /** True when this sample can be used in a test: the call succeeded and could be judged. */
  public boolean usable() {
    return score != null && score.outcome() != Outcome.UNJUDGED;
  }
}

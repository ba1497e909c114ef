package dev.backslide.config;

import dev.backslide.task.Generation;
import org.jspecify.annotations.Nullable;

/**
 * Run-wide overrides of the tasks' generation parameters; null leaves a task's own value.
 *
 * @param temperature sampling temperature
 * @param maxTokens max tokens
 * @param seed the seed sent to endpoints that accept one (plus the sample index)
 * @param samples k, how many times each item is asked on each endpoint
 */
public record Sampling(
    @Nullable Double temperature,
    @Nullable Integer maxTokens,
    @Nullable Long seed,
    @Nullable Integer samples) {
  public static final Sampling NONE = new Sampling(null, null, null, null);

  /** A task's generation parameters with these overrides applied. */
  public Generation apply(Generation g) {
    return new Generation(
        temperature == null ? g.temperature() : temperature,
        maxTokens == null ? g.maxTokens() : maxTokens,
        samples == null ? g.samples() : samples,
        g.system(),
        seed == null ? g.seed() : seed);
  }
}

package dev.backslide.config;

import dev.backslide.task.Generation;
import org.jspecify.annotations.Nullable;

/** Run-wide overrides of the tasks' generation parameters; null leaves a task's own value. */
public record Sampling(
    @Nullable Double temperature, @Nullable Integer maxTokens, @Nullable Long seed) {
  public static final Sampling NONE = new Sampling(null, null, null);

  /** A task's generation parameters with these overrides applied. */
  public Generation apply(Generation g) {
    return new Generation(
        temperature == null ? g.temperature() : temperature,
        maxTokens == null ? g.maxTokens() : maxTokens,
        g.samples(),
        g.system(),
        seed == null ? g.seed() : seed);
  }
}

package dev.backslide.task;

import org.jspecify.annotations.Nullable;

/**
 * Generation parameters of a task: identical on both endpoints so that items pair.
 *
 * @param temperature sampling temperature, 0 to 2
 * @param maxTokens the most tokens the endpoint may generate, at least 1
 * @param samples k, how many times each item is asked on each endpoint, at least 1
 * @param system an optional system prompt put before every item's messages
 * @param seed an optional seed passed to endpoints that accept one
 */
public record Generation(
    double temperature, int maxTokens, int samples, @Nullable String system, @Nullable Long seed) {

  public static final Generation DEFAULT = new Generation(0.0, 512, 1, null, null);

  public Generation {
    if (!(temperature >= 0 && temperature <= 2)) {
      throw new IllegalArgumentException(
          "temperature must be between 0 and 2 but was " + temperature);
    }
    if (maxTokens < 1) {
      throw new IllegalArgumentException("maxTokens must be at least 1 but was " + maxTokens);
    }
    if (samples < 1) {
      throw new IllegalArgumentException("samples must be at least 1 but was " + samples);
    }
  }
}

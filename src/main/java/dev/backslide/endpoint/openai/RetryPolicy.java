package dev.backslide.endpoint.openai;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * Exponential backoff with full jitter, capped, that honours a server's {@code Retry-After}.
 *
 * @param maxRetries retries after the first attempt
 * @param base the first delay's upper bound; doubled on each retry
 * @param cap the largest delay, Retry-After included
 */
record RetryPolicy(int maxRetries, Duration base, Duration cap) {

  /** Whether an HTTP status is worth retrying: 408, 409, 425, 429 and 5xx. */
  static boolean retryable(int status) {
    return status == 408 || status == 409 || status == 425 || status == 429 || status >= 500;
  }

  /**
   * The delay before retry number {@code retry} (1 for the first retry).
   *
   * @param retryAfter the Retry-After header of the failed attempt, if any
   */
  Duration delay(int retry, @Nullable String retryAfter) {
    Duration fromServer = parseRetryAfter(retryAfter);
    if (fromServer != null) {
      return fromServer.compareTo(cap) > 0 ? cap : fromServer;
    }
    long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(retry - 1, 20));
    long jittered = ThreadLocalRandom.current().nextLong(ceiling / 2, Math.max(ceiling, 1) + 1);
    return Duration.ofMillis(jittered);
  }

  static @Nullable Duration parseRetryAfter(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.trim();
    try {
      double seconds = Double.parseDouble(text);
      return seconds < 0 ? null : Duration.ofMillis((long) (seconds * 1000));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime when = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration until = Duration.between(ZonedDateTime.now(when.getZone()), when);
        return until.isNegative() ? Duration.ZERO : until;
      } catch (DateTimeParseException notDate) {
        return null;
      }
    }
  }
}

package dev.backslide.endpoint;

/**
 * Counters of one endpoint's traffic.
 *
 * @param calls calls asked for
 * @param attempts HTTP attempts made, retries included
 * @param retries attempts beyond the first
 * @param failed calls that failed after all retries
 * @param status429 429 answers seen
 * @param status5xx 5xx answers seen
 */
public record EndpointStats(
    long calls, long attempts, long retries, long failed, long status429, long status5xx) {}

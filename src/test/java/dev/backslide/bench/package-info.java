/**
 * The throughput benchmark: the real pipeline (client, scoring, statistics) against a loopback
 * OpenAI-compatible server with a fixed latency, measured against the physical limit N·L/c.
 */
@NullMarked
package dev.backslide.bench;

import org.jspecify.annotations.NullMarked;

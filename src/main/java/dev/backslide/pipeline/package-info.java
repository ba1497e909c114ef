/**
 * One gate run from its settings to its verdict: selects the tasks and the shard, chooses by mode
 * where each side's answers come from (live endpoints, a baseline, run journals, the cache), builds
 * the refusal detectors and the scoring pool, runs {@link dev.backslide.run.GateRunner}, decides
 * the verdict and writes {@code summary.json}. Above every other layer and below the {@code junit}
 * adapter, which only turns the outcome into tests; imports no test or reporting framework.
 */
@NullMarked
package dev.backslide.pipeline;

import org.jspecify.annotations.NullMarked;

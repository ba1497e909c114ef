package dev.backslide.config;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Where a run's answers come from and go to, beyond the live endpoints.
 *
 * @param record record the reference as a baseline in this directory (no candidate is called)
 * @param baseline compare against this recorded baseline instead of a live reference
 * @param baselineShown the baseline path as the user wrote it, for messages
 * @param runId this run's id (its journal directory under {@code runs})
 * @param runs the directory of run journals
 * @param resume true when the run continues an interrupted one with the same id
 * @param rescore true when the run only re-scores a finished journal, calling no endpoint
 * @param cache the response cache directory, or null when caching is off (the default)
 * @param shard which shard of how many this run is, or null for the whole run
 * @param merge run ids of shards to combine, calling no endpoint; empty when not merging
 */
public record Storage(
    @Nullable Path record,
    @Nullable Path baseline,
    @Nullable String baselineShown,
    String runId,
    Path runs,
    boolean resume,
    boolean rescore,
    @Nullable Path cache,
    @Nullable Shard shard,
    java.util.List<String> merge) {

  public Storage {
    merge = java.util.List.copyOf(merge);
  }

  /** True when no endpoint is called: re-scoring a journal or merging shards. */
  public boolean offline() {
    return rescore || !merge.isEmpty();
  }
}

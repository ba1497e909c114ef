package dev.backslide.pipeline;

import dev.backslide.config.Settings;
import dev.backslide.config.Storage;
import dev.backslide.endpoint.EndpointSpec;
import dev.backslide.endpoint.Role;
import dev.backslide.store.Baseline;
import dev.backslide.store.Journal;
import dev.backslide.task.Task;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The reference and the candidate as a run uses them, chosen by mode: the configured endpoints when
 * live; the endpoints in the journal's header when re-scoring or merging shards (the first shard's
 * journal); the recorded endpoint of the baseline as the reference when comparing against one; and
 * a placeholder candidate, never called, when recording a baseline.
 *
 * @param reference the reference as used
 * @param candidate the candidate as used
 * @param baseline the opened baseline that answers for the reference, or null
 */
record Sides(EndpointSpec reference, EndpointSpec candidate, @Nullable Baseline baseline) {
  Sides {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(candidate, "candidate");
    if (reference.role() != Role.REFERENCE || candidate.role() != Role.CANDIDATE) {
      throw new IllegalArgumentException(
          "the sides must be the reference and the candidate but were "
              + reference.role()
              + " and "
              + candidate.role());
    }
  }

  /**
   * The sides of a run over {@code tasks} (after sharding: a baseline must hold them all).
   *
   * @throws dev.backslide.input.InvalidInputException when the baseline is missing or stale, naming
   *     its file and the command that re-records it
   */
  static Sides choose(Settings settings, List<Task> tasks) {
    Storage storage = settings.storage();
    EndpointSpec reference = settings.reference();
    EndpointSpec candidate = settings.candidate();
    Baseline baseline = null;
    if (storage.offline()) {
      String source = storage.merge().isEmpty() ? storage.runId() : storage.merge().get(0);
      var header = Journal.readHeader(storage.runs().resolve(source));
      reference =
          offline(
              Role.REFERENCE,
              header.at("/reference/url").asText(),
              header.at("/reference/model").asText(),
              settings);
      candidate =
          offline(
              Role.CANDIDATE,
              header.at("/candidate/url").asText(),
              header.at("/candidate/model").asText(),
              settings);
    }
    if (storage.baseline() != null) {
      baseline =
          Baseline.open(
              storage.baseline(),
              storage.baselineShown(),
              tasks,
              t -> settings.sampling().apply(t.generation()));
      reference = offline(Role.REFERENCE, baseline.url(), baseline.model(), settings);
    }
    if (storage.record() != null) {
      candidate =
          offline(Role.CANDIDATE, "http://not-called/", "none (recording a baseline)", settings);
    }
    return new Sides(reference, candidate, baseline);
  }

  /** A recorded endpoint: its url and model, one request at a time, no retries. */
  private static EndpointSpec offline(Role role, String url, String model, Settings settings) {
    var base = settings.reference();
    return new EndpointSpec(
        role, URI.create(url), model, null, 1, base.timeout(), 0, base.retryBase());
  }
}

package dev.backslide.pipeline;

import dev.backslide.config.Settings;
import dev.backslide.config.Storage;
import dev.backslide.endpoint.ChatEndpoint;
import dev.backslide.endpoint.EndpointDescription;
import dev.backslide.endpoint.EndpointSpec;
import dev.backslide.endpoint.EndpointUnavailableException;
import dev.backslide.endpoint.OfflineEndpoint;
import dev.backslide.endpoint.Role;
import dev.backslide.run.Responses;
import dev.backslide.store.Journal;
import dev.backslide.store.ResponseCache;
import dev.backslide.task.Task;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where every answer of a run comes from, chosen by mode: the two endpoints, live or offline (an
 * offline one is never called and fails each request it gets as not called, naming the recording),
 * and the responses the runner consults before each call and tells of each fresh answer.
 *
 * <ul>
 *   <li>live, also when resuming: both endpoints live;
 *   <li>re-scoring a journal or merging shards: both offline;
 *   <li>against a baseline: the reference offline (the baseline answers for it), the candidate
 *       live;
 *   <li>recording a baseline: the reference live, the candidate offline.
 * </ul>
 *
 * <p>The responses are this run's journal (over all selected tasks, so a shard's journal names the
 * whole run), after the baseline when there is one, after the journals of the shards being merged,
 * and before the response cache when it is on and some endpoint may be called. Closing closes both
 * endpoints and every journal.
 */
final class AnswerSources implements AutoCloseable {
  private final Journal journal;
  private final List<Journal> merged;
  private final ChatEndpoint reference;
  private final ChatEndpoint candidate;
  private final Responses responses;

  private AnswerSources(
      Journal journal,
      List<Journal> merged,
      ChatEndpoint reference,
      ChatEndpoint candidate,
      Responses responses) {
    this.journal = journal;
    this.merged = List.copyOf(merged);
    this.reference = reference;
    this.candidate = candidate;
    this.responses = responses;
  }

  /**
   * Opens (or resumes) this run's journal, then both endpoints, then the journals to merge and the
   * cache; reports a resume and the cache on {@code out}. On failure, whatever was opened is
   * closed.
   *
   * @param allTasks every selected task, before sharding: what this run's journal header lists
   * @param tasks the tasks this run asks (one shard of {@code allTasks}, or all of them)
   * @param live opens the endpoints this mode really calls
   */
  static AnswerSources open(
      Settings settings,
      Sides sides,
      List<Task> allTasks,
      List<Task> tasks,
      PrintStream out,
      LiveEndpoints live) {
    Storage storage = settings.storage();
    Journal journal =
        Journal.open(
            storage.runs().resolve(storage.runId()),
            Journal.header(storage.runId(), sides.reference(), sides.candidate(), allTasks),
            allTasks,
            out);
    if (journal.resumed() > 0) {
      out.println(
          "[backslide] " + journal.resumed() + " answers taken from the journal " + journal.file());
    }
    ChatEndpoint reference = null;
    ChatEndpoint candidate = null;
    List<Journal> merged = new ArrayList<>();
    try {
      reference =
          storage.offline()
              ? offline(sides.reference(), "not in the journal of run " + journalsNamed(storage))
              : sides.baseline() != null
                  ? new OfflineEndpoint(
                      sides.reference(),
                      sides.baseline().description(),
                      "not in baseline " + storage.baselineShown())
                  : live.open(sides.reference());
      candidate =
          storage.offline()
              ? offline(sides.candidate(), "not in the journal of run " + journalsNamed(storage))
              : storage.record() != null
                  ? offline(sides.candidate(), "not asked: recording a baseline")
                  : live.open(sides.candidate());
      Responses responses =
          sides.baseline() == null ? journal : Responses.chain(sides.baseline(), journal);
      for (String shardRun : storage.merge()) {
        Journal shard =
            Journal.open(
                storage.runs().resolve(shardRun),
                Journal.header(shardRun, sides.reference(), sides.candidate(), tasks),
                tasks,
                out);
        merged.add(shard);
        responses = Responses.chain(shard, responses);
      }
      if (storage.cache() != null && !storage.offline()) {
        responses = Responses.chain(responses, cache(storage.cache(), reference, candidate, out));
      }
      return new AnswerSources(journal, merged, reference, candidate, responses);
    } catch (RuntimeException | Error e) {
      merged.forEach(shard -> closeAfter(e, shard));
      closeAfter(e, candidate, reference, journal);
      throw e;
    }
  }

  /** Closes {@code resources} in order, adding what their closing throws to {@code failure}. */
  private static void closeAfter(Throwable failure, @Nullable AutoCloseable... resources) {
    for (AutoCloseable resource : resources) {
      if (resource == null) {
        continue;
      }
      try {
        resource.close();
      } catch (Exception e) {
        failure.addSuppressed(e);
      }
    }
  }

  private static String journalsNamed(Storage storage) {
    return storage.merge().isEmpty() ? storage.runId() : String.join(", ", storage.merge());
  }

  private static ChatEndpoint offline(EndpointSpec spec, String why) {
    return new OfflineEndpoint(
        spec, OfflineEndpoint.describe(spec.url().toString(), spec.model(), why), why);
  }

  private static Responses cache(
      Path dir, ChatEndpoint reference, ChatEndpoint candidate, PrintStream out) {
    Map<Role, EndpointSpec> specs = new EnumMap<>(Role.class);
    Map<Role, EndpointDescription> descriptions = new EnumMap<>(Role.class);
    for (ChatEndpoint endpoint : List.of(reference, candidate)) {
      specs.put(endpoint.spec().role(), endpoint.spec());
      try {
        descriptions.put(endpoint.spec().role(), endpoint.describe());
      } catch (EndpointUnavailableException e) {
        // the run will report it; nothing can be cached for an endpoint that is down
      }
    }
    out.println("[backslide] response cache on: " + dir + " (clear it with rm -rf " + dir + ")");
    return new ResponseCache(dir, specs, descriptions);
  }

  ChatEndpoint reference() {
    return reference;
  }

  ChatEndpoint candidate() {
    return candidate;
  }

  /** Consulted before every call and told every fresh answer. */
  Responses responses() {
    return responses;
  }

  /**
   * Closes the journals of the shards merged, the candidate, the reference and this run's journal,
   * as a run's resources close.
   */
  @Override
  public void close() {
    try (journal;
        ChatEndpoint r = reference;
        ChatEndpoint c = candidate) {
      for (Journal shard : merged) {
        shard.close();
      }
    }
  }
}

package dev.backslide.refusal.judge;

import dev.backslide.endpoint.CallResult;
import dev.backslide.endpoint.ChatEndpoint;
import dev.backslide.endpoint.ChatRequest;
import dev.backslide.endpoint.Completion;
import dev.backslide.endpoint.EndpointFailure;
import dev.backslide.refusal.RefusalDetector;
import dev.backslide.refusal.RefusalJudgement;
import dev.backslide.refusal.RefusalLabel;
import dev.backslide.task.Generation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * A refusal detector that asks a third OpenAI-compatible model, the judge. Its name in reports is
 * {@code judge}.
 *
 * <p>The judge gets our own instructions ({@link JudgePrompt}) and answers with one label line,
 * read by {@link JudgeReplyParser}. Sampling is pinned for repeatability: temperature 0, at most
 * {@value #MAX_TOKENS} tokens, and seed {@link #DEFAULT_SEED} (sent to servers that take one).
 *
 * <p>A judge that refuses, answers out of format or gives an empty reply yields {@link
 * RefusalLabel#UNJUDGED} with the reason; so does a failed call, whose reason carries the
 * endpoint's failure message. Judgements are cached in memory for the detector's life, keyed by
 * prompt and response: the same pair is sent once, also when asked for concurrently. Failed calls
 * are not cached, so a later call may succeed.
 *
 * <p>Thread-safe. Calls run on the endpoint's own threads; {@link #judgeAsync} does not block.
 */
public final class JudgeRefusalDetector implements RefusalDetector {
  /** The seed sent with every judge request. */
  public static final long DEFAULT_SEED = 20261128L;

  /** The most tokens the judge may answer with: one label line, with room for stray words. */
  public static final int MAX_TOKENS = 32;

  private final ChatEndpoint judge;
  private final JudgePrompt prompt;
  private final Generation generation;
  private final JudgeReplyParser parser = new JudgeReplyParser();
  private final ConcurrentMap<Key, CompletableFuture<RefusalJudgement>> cache =
      new ConcurrentHashMap<>();

  private record Key(String prompt, String response) {}

  /** A judge with {@link JudgePrompt#DEFAULT}. */
  public JudgeRefusalDetector(ChatEndpoint judge) {
    this(judge, JudgePrompt.DEFAULT);
  }

  public JudgeRefusalDetector(ChatEndpoint judge, JudgePrompt prompt) {
    this.judge = Objects.requireNonNull(judge, "judge");
    this.prompt = Objects.requireNonNull(prompt, "prompt");
    this.generation = new Generation(0.0, MAX_TOKENS, 1, null, DEFAULT_SEED);
  }

  @Override
  public String name() {
    return "judge";
  }

  @Override
  public RefusalJudgement judge(String prompt, String response) {
    return judgeAsync(prompt, response).join();
  }

  /** Sends every pair at once (the endpoint bounds what is in flight), then waits for all. */
  @Override
  public List<RefusalJudgement> judgeAll(List<String> prompts, List<String> responses) {
    if (prompts.size() != responses.size()) {
      throw new IllegalArgumentException(
          "judgeAll needs one prompt per response but got "
              + prompts.size()
              + " prompts and "
              + responses.size()
              + " responses");
    }
    List<CompletableFuture<RefusalJudgement>> futures = new ArrayList<>(responses.size());
    for (int i = 0; i < responses.size(); i++) {
      futures.add(judgeAsync(prompts.get(i), responses.get(i)));
    }
    return futures.stream().map(CompletableFuture::join).toList();
  }

  /** Judges without blocking; the future never completes exceptionally. */
  public CompletableFuture<RefusalJudgement> judgeAsync(String prompt, String response) {
    if (response.isBlank()) {
      return CompletableFuture.completedFuture(
          new RefusalJudgement(RefusalLabel.UNJUDGED, "empty response"));
    }
    Key key = new Key(prompt, response);
    CompletableFuture<RefusalJudgement> fresh = new CompletableFuture<>();
    CompletableFuture<RefusalJudgement> cached = cache.putIfAbsent(key, fresh);
    if (cached != null) {
      return cached;
    }
    ChatRequest request = new ChatRequest(this.prompt.messages(prompt, response), generation, 0);
    judge
        .complete(request)
        .whenComplete(
            (result, error) -> {
              RefusalJudgement judgement = read(result, error);
              if (error != null || result == null || !result.ok()) {
                cache.remove(key, fresh);
              }
              fresh.complete(judgement);
            });
    return fresh;
  }

  private RefusalJudgement read(@Nullable CallResult result, @Nullable Throwable error) {
    if (error != null || result == null) {
      return new RefusalJudgement(
          RefusalLabel.UNJUDGED, "the judge call failed: " + (error == null ? "no result" : error));
    }
    Completion completion = result.completion();
    if (completion == null) {
      EndpointFailure failure = Objects.requireNonNull(result.failure(), "failure");
      return new RefusalJudgement(
          RefusalLabel.UNJUDGED, "the judge call failed: " + failure.message());
    }
    return parser.parse(completion.content());
  }

  /** How many prompt and response pairs are cached (judged or in flight). */
  public int cached() {
    return cache.size();
  }
}

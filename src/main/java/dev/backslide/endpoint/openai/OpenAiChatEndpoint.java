package dev.backslide.endpoint.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backslide.endpoint.CallResult;
import dev.backslide.endpoint.ChatEndpoint;
import dev.backslide.endpoint.ChatRequest;
import dev.backslide.endpoint.Completion;
import dev.backslide.endpoint.EndpointDescription;
import dev.backslide.endpoint.EndpointFailure;
import dev.backslide.endpoint.EndpointSpec;
import dev.backslide.endpoint.EndpointStats;
import dev.backslide.endpoint.EndpointUnavailableException;
import dev.backslide.endpoint.FailureKind;
import dev.backslide.task.ChatMessage;
import dev.backslide.task.Generation;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ChatEndpoint} for OpenAI-compatible servers (vLLM, Ollama's {@code /v1}, llama.cpp's
 * server, TGI, LM Studio, hosted APIs): {@code POST {url}/chat/completions} and {@code GET
 * {url}/models}.
 *
 * <p>Calls are synchronous OkHttp calls on the endpoint's own worker threads, a thread that
 * finishes an attempt going straight on to the next; at most {@link EndpointSpec#concurrency()} are
 * in flight, fewer while a replica answers 429 or slows down ({@link AdaptiveLimit}), each sent to
 * the least loaded healthy replica ({@link ReplicaScheduler}). 429, 408, 5xx, timeouts and
 * connection failures are retried with exponential backoff and jitter, honouring {@code
 * Retry-After}, on another replica when there is one; a backing-off call gives its slot to others.
 * The API key is sent as a bearer token and removed from every message.
 */
public final class OpenAiChatEndpoint implements ChatEndpoint {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final int EXCERPT = 300;
  private static final Duration RETRY_CAP = Duration.ofSeconds(60);

  private final EndpointSpec spec;
  private final @Nullable String apiKey;
  private final OkHttpClient client;
  private final ReplicaScheduler replicas;
  private final RetryPolicy retryPolicy;
  private final ScheduledExecutorService scheduler;
  private final ExecutorService workers;

  /** On a worker thread, the attempt it runs next; null on any other thread. */
  private final ThreadLocal<@Nullable ArrayDeque<Runnable>> continuation = new ThreadLocal<>();

  private final ObjectMapper json = new ObjectMapper();
  private final List<HttpUrl> chatUrls = new ArrayList<>();
  private final List<HttpUrl> modelsUrls = new ArrayList<>();
  private final List<String> shownUrls = new ArrayList<>();

  private final LongAdder calls = new LongAdder();
  private final LongAdder attempts = new LongAdder();
  private final LongAdder retries = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final LongAdder status429 = new LongAdder();
  private final LongAdder status5xx = new LongAdder();

  /**
   * @param spec where and how to call
   * @param apiKey the key read from the environment variable the spec names, or null
   */
  public OpenAiChatEndpoint(EndpointSpec spec, @Nullable String apiKey) {
    this.spec = spec;
    this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
    List<String> bases = new ArrayList<>();
    for (var url : spec.urls()) {
      HttpUrl base = HttpUrl.get(normalise(url.toString()));
      bases.add(base.toString());
      chatUrls.add(base.newBuilder().addPathSegments("chat/completions").build());
      modelsUrls.add(base.newBuilder().addPathSegment("models").build());
      shownUrls.add(url.toString());
    }
    // Calls are synchronous, on this endpoint's own workers: the scheduler bounds what is in
    // flight. The call timeout bounds each attempt; read and write timeouts stay off, since each
    // would put every socket read and write through Okio's watchdog queue.
    this.client =
        new OkHttpClient.Builder()
            .connectionPool(
                new ConnectionPool(Math.max(5, spec.concurrency()), 5, TimeUnit.MINUTES))
            .callTimeout(spec.timeout())
            .connectTimeout(Duration.ofSeconds(10))
            .readTimeout(Duration.ZERO)
            .writeTimeout(Duration.ZERO)
            .retryOnConnectionFailure(false)
            .fastFallback(fastFallback(spec))
            .build();
    // One worker per request in flight, started at once in the background: a thread costs a few
    // hundred microseconds to start, and 64 started one by one as the first requests go out
    // would hold the first round back by tens of milliseconds. Attempts are handed to an idle
    // worker directly (a synchronous queue): with a shared queue each woken worker would wake
    // the next, and the first round would go out one wake-up at a time. The scheduler bounds
    // what is in flight; a worker is added only while all are busy (briefly, as one finishes).
    AtomicInteger workerCount = new AtomicInteger();
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            spec.concurrency(),
            Integer.MAX_VALUE,
            60,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            r -> {
              Thread t =
                  new Thread(
                      r, "backslide-http-" + spec.role() + "-" + workerCount.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    pool.allowCoreThreadTimeOut(true);
    this.workers = pool;
    Thread starter = new Thread(pool::prestartAllCoreThreads, "backslide-http-" + spec.role());
    starter.setDaemon(true);
    starter.start();
    this.replicas =
        new ReplicaScheduler(
            bases, spec.concurrency(), spec.adaptive(), spec.latencyTolerance(), System::nanoTime);
    this.retryPolicy = new RetryPolicy(spec.maxRetries(), spec.retryBase(), RETRY_CAP);
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "backslide-retry-" + spec.role());
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Whether to race connections to a host's addresses (happy eyeballs): only when some replica is
   * named by a host name. An IP address has one route, and racing it would only hand every new
   * connection to another thread and back.
   */
  static boolean fastFallback(EndpointSpec spec) {
    return !spec.urls().stream().map(URI::getHost).allMatch(OpenAiChatEndpoint::isIpAddress);
  }

  private static boolean isIpAddress(@Nullable String host) {
    return host != null && (host.startsWith("[") || host.matches("[0-9]+(\\.[0-9]+){3}"));
  }

  /** Accepts a base URL with or without a trailing slash or {@code /chat/completions}. */
  static String normalise(String url) {
    String u = url.strip();
    if (u.endsWith("/chat/completions")) {
      u = u.substring(0, u.length() - "/chat/completions".length());
    }
    while (u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    return u + "/";
  }

  @Override
  public EndpointSpec spec() {
    return spec;
  }

  /**
   * {@inheritDoc}
   *
   * <p>With several replicas, the first that can be reached describes the endpoint.
   */
  @Override
  public EndpointDescription describe() {
    EndpointUnavailableException unreachable = null;
    for (int i = 0; i < modelsUrls.size(); i++) {
      try {
        return describe(i);
      } catch (EndpointUnavailableException e) {
        if (unreachable == null) {
          unreachable = e;
        } else {
          unreachable.addSuppressed(e);
        }
      }
    }
    throw java.util.Objects.requireNonNull(unreachable);
  }

  private EndpointDescription describe(int replica) {
    HttpUrl modelsUrl = modelsUrls.get(replica);
    String url = shownUrls.get(replica);
    Request.Builder request = new Request.Builder().url(modelsUrl).get();
    authorize(request);
    OkHttpClient quick =
        client
            .newBuilder()
            .callTimeout(Duration.ofSeconds(Math.min(30, spec.timeout().toSeconds() + 1)))
            .build();
    try (Response response = quick.newCall(request.build()).execute()) {
      String body = response.body().string();
      Map<String, String> headers = identifyingHeaders(response);
      String server = response.header("Server");
      if (!response.isSuccessful()) {
        return new EndpointDescription(
            url,
            spec.model(),
            List.of(),
            server,
            headers,
            "GET " + modelsUrl + " answered HTTP " + response.code() + excerptSuffix(body));
      }
      List<String> models = new ArrayList<>();
      try {
        JsonNode data = json.readTree(body).path("data");
        for (JsonNode model : data) {
          if (model.hasNonNull("id")) {
            models.add(model.get("id").asText());
          }
        }
      } catch (IOException e) {
        return new EndpointDescription(
            url,
            spec.model(),
            List.of(),
            server,
            headers,
            "GET " + modelsUrl + " did not return JSON" + excerptSuffix(body));
      }
      String note =
          models.isEmpty() || models.contains(spec.model())
              ? null
              : "model '"
                  + spec.model()
                  + "' is not among those /models lists: "
                  + String.join(", ", models);
      return new EndpointDescription(url, spec.model(), models, server, headers, note);
    } catch (ConnectException | UnknownHostException | NoRouteToHostException e) {
      throw new EndpointUnavailableException(spec, describeIo(e), e);
    } catch (IOException e) {
      return new EndpointDescription(
          url,
          spec.model(),
          List.of(),
          null,
          Map.of(),
          "GET " + modelsUrl + " failed: " + describeIo(e));
    }
  }

  private static Map<String, String> identifyingHeaders(Response response) {
    Map<String, String> headers = new TreeMap<>();
    for (String name : response.headers().names()) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.equals("server") || lower.contains("version") || lower.equals("x-powered-by")) {
        headers.put(lower, response.header(name, ""));
      }
    }
    return headers;
  }

  @Override
  public CompletableFuture<CallResult> complete(ChatRequest request) {
    CompletableFuture<CallResult> result = new CompletableFuture<>();
    RequestBody body = RequestBody.create(encode(request), JSON);
    calls.increment();
    attempt(new PendingCall(body, System.nanoTime(), result), 1, null);
    return result;
  }

  /** One call: what to send, when it started, where its result goes. */
  private record PendingCall(RequestBody body, long start, CompletableFuture<CallResult> result) {}

  private byte[] encode(ChatRequest request) {
    Generation g = request.generation();
    ObjectNode root = json.createObjectNode();
    root.put("model", spec.model());
    ArrayNode messages = root.putArray("messages");
    for (ChatMessage m : request.messages()) {
      messages.addObject().put("role", m.role()).put("content", m.content());
    }
    root.put("temperature", g.temperature());
    root.put("max_tokens", g.maxTokens());
    if (g.seed() != null) {
      root.put("seed", g.seed() + request.sample());
    }
    root.put("stream", false);
    try {
      return json.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode a chat request", e);
    }
  }

  private void attempt(PendingCall call, int attempt, @Nullable Replica avoid) {
    replicas.submit(avoid, replica -> send(call, attempt, replica));
  }

  /**
   * Starts an attempt on a worker thread. A worker that has just finished an attempt runs the next
   * one itself, when it is the first its release made ready (no hand-off, no wake-up of another
   * thread); anything else starts a worker from the pool.
   */
  private void send(PendingCall call, int attempt, Replica replica) {
    Runnable work = () -> execute(call, attempt, replica);
    ArrayDeque<Runnable> next = continuation.get();
    if (next != null && next.isEmpty()) {
      next.addLast(work);
      return;
    }
    try {
      workers.execute(() -> work(work));
    } catch (RejectedExecutionException closed) {
      replicas.release(replica, ReplicaScheduler.Outcome.NEUTRAL, System.nanoTime(), -1);
      finish(
          call,
          replica,
          failure(replica, FailureKind.CONNECTION, 0, null, "the endpoint was closed", attempt));
    }
  }

  /** A worker's loop: the attempt it was started with, then each one its releases hand it. */
  private void work(Runnable first) {
    ArrayDeque<Runnable> next = new ArrayDeque<>(1);
    continuation.set(next);
    try {
      for (Runnable r = first; r != null; r = next.pollFirst()) {
        try {
          r.run();
        } catch (RuntimeException e) {
          // execute() fails its call itself; never lose the attempt queued behind this one
        }
      }
    } finally {
      continuation.remove();
    }
  }

  /** One attempt, synchronously on this worker thread. */
  private void execute(PendingCall call, int attempt, Replica replica) {
    attempts.increment();
    long sentAt = System.nanoTime();
    Request.Builder request =
        new Request.Builder().url(chatUrls.get(replica.index)).post(call.body);
    authorize(request);
    int status;
    String retryAfter;
    byte[] bytes;
    try (Response response = client.newCall(request.build()).execute()) {
      status = response.code();
      retryAfter = response.header("Retry-After");
      try {
        bytes = response.body().bytes();
      } catch (IOException e) {
        replicas.release(replica, ReplicaScheduler.Outcome.FAILED, sentAt, -1);
        retryOrFail(
            call,
            attempt,
            replica,
            failure(
                replica,
                FailureKind.CONNECTION,
                status,
                null,
                "body cut off: " + describeIo(e),
                attempt),
            null);
        return;
      }
    } catch (IOException e) {
      replicas.release(replica, ReplicaScheduler.Outcome.FAILED, sentAt, -1);
      FailureKind kind =
          e instanceof InterruptedIOException ? FailureKind.TIMEOUT : FailureKind.CONNECTION;
      retryOrFail(
          call, attempt, replica, failure(replica, kind, 0, null, describeIo(e), attempt), null);
      return;
    } catch (RuntimeException e) {
      replicas.release(replica, ReplicaScheduler.Outcome.NEUTRAL, sentAt, -1);
      finish(
          call, replica, failure(replica, FailureKind.CONNECTION, 0, null, e.toString(), attempt));
      return;
    }
    try {
      handle(call, attempt, replica, sentAt, status, retryAfter, bytes);
    } catch (RuntimeException e) {
      // a bug here must not leave the item waiting for ever
      finish(
          call,
          replica,
          failure(replica, FailureKind.MALFORMED_JSON, status, null, e.toString(), attempt));
    }
  }

  private void handle(
      PendingCall call,
      int attempt,
      Replica replica,
      long sentAt,
      int status,
      @Nullable String retryAfter,
      byte[] bytes) {
    if (status < 200 || status > 299) {
      ReplicaScheduler.Outcome outcome;
      if (status == 429) {
        status429.increment();
        outcome = ReplicaScheduler.Outcome.RATE_LIMITED;
      } else if (status >= 500 || status == 408) {
        if (status >= 500) {
          status5xx.increment();
        }
        outcome = ReplicaScheduler.Outcome.FAILED;
      } else {
        outcome = ReplicaScheduler.Outcome.NEUTRAL;
      }
      replicas.release(replica, outcome, sentAt, -1);
      String text = text(bytes);
      EndpointFailure failure =
          failure(replica, FailureKind.HTTP_STATUS, status, excerpt(text), hint(status), attempt);
      if (RetryPolicy.retryable(status)) {
        retryOrFail(call, attempt, replica, failure, retryAfter);
      } else {
        finish(call, replica, failure);
      }
      return;
    }
    JsonNode root;
    try {
      root = json.readTree(bytes);
    } catch (IOException e) {
      replicas.release(replica, ReplicaScheduler.Outcome.NEUTRAL, sentAt, -1);
      finish(
          call,
          replica,
          failure(replica, FailureKind.MALFORMED_JSON, status, excerpt(text(bytes)), "", attempt));
      return;
    }
    if (root == null || !root.isObject()) {
      replicas.release(replica, ReplicaScheduler.Outcome.NEUTRAL, sentAt, -1);
      finish(
          call,
          replica,
          failure(
              replica,
              FailureKind.MALFORMED_JSON,
              status,
              excerpt(text(bytes)),
              "not a JSON object",
              attempt));
      return;
    }
    JsonNode tokens = root.path("usage").path("completion_tokens");
    replicas.release(
        replica,
        ReplicaScheduler.Outcome.ANSWERED,
        sentAt,
        tokens.canConvertToInt() ? tokens.intValue() : -1);
    JsonNode choices = root.path("choices");
    if (!choices.isArray() || choices.isEmpty()) {
      String detail = root.has("error") ? "the body is an error object" : "";
      finish(
          call,
          replica,
          failure(replica, FailureKind.NO_CHOICES, status, excerpt(text(bytes)), detail, attempt));
      return;
    }
    JsonNode choice = choices.get(0);
    JsonNode content = choice.path("message").path("content");
    String finish = choice.path("finish_reason").asText("unknown");
    String fingerprint =
        root.hasNonNull("system_fingerprint") ? root.get("system_fingerprint").asText() : null;
    Completion completion =
        new Completion(
            content.isTextual() ? content.asText() : "",
            finish.isEmpty() ? "unknown" : finish,
            fingerprint,
            root.path("model").asText(spec.model()));
    call.result.complete(
        CallResult.success(completion, attempt, elapsed(call.start), replica.base));
  }

  private static String text(byte[] bytes) {
    return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
  }

  private String hint(int status) {
    return switch (status) {
      case 401, 403 ->
          spec.apiKeyEnv() == null
              ? "the endpoint wants credentials; name the environment variable that holds the key in backslide."
                  + spec.role()
                  + ".apiKeyEnv"
              : "the endpoint refused the key in $" + spec.apiKeyEnv() + "; check it";
      case 404 ->
          "no chat completions at "
              + chatUrls.get(0)
              + "; the URL should be the OpenAI base, usually ending in /v1";
      case 400, 422 ->
          "the endpoint rejected the request; check backslide."
              + spec.role()
              + ".model and the task's generation settings";
      default -> "";
    };
  }

  private void retryOrFail(
      PendingCall call,
      int attempt,
      Replica replica,
      EndpointFailure failure,
      @Nullable String retryAfter) {
    if (attempt > retryPolicy.maxRetries()) {
      finish(call, replica, failure);
      return;
    }
    retries.increment();
    Duration delay = retryPolicy.delay(attempt, retryAfter);
    try {
      scheduler.schedule(
          () -> attempt(call, attempt + 1, replica), delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RuntimeException shutDown) {
      finish(call, replica, failure);
    }
  }

  private void finish(PendingCall call, Replica replica, EndpointFailure failure) {
    failed.increment();
    call.result.complete(CallResult.failed(failure, elapsed(call.start), replica.base));
  }

  private EndpointFailure failure(
      Replica replica,
      FailureKind kind,
      int status,
      @Nullable String excerpt,
      String detail,
      int attempt) {
    return new EndpointFailure(
        spec.role(), shownUrls.get(replica.index), kind, status, excerpt, redact(detail), attempt);
  }

  private void authorize(Request.Builder request) {
    if (apiKey != null) {
      request.header("Authorization", "Bearer " + apiKey);
    }
  }

  private String excerptSuffix(String body) {
    String e = excerpt(body);
    return e.isEmpty() ? "" : " (body: " + e + ")";
  }

  /** The start of a body on one line, with the API key removed. */
  String excerpt(String body) {
    String oneLine = body.replaceAll("\\s+", " ").strip();
    String cut = oneLine.length() > EXCERPT ? oneLine.substring(0, EXCERPT) + "..." : oneLine;
    return redact(cut);
  }

  private String redact(String text) {
    return apiKey == null ? text : text.replace(apiKey, "[redacted]");
  }

  private static String describeIo(IOException e) {
    String message = e.getMessage();
    String kind = e.getClass().getSimpleName();
    return message == null || message.isBlank() ? kind : kind + ": " + message;
  }

  private static long elapsed(long start) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }

  @Override
  public EndpointStats stats() {
    return new EndpointStats(
        calls.sum(), attempts.sum(), retries.sum(), failed.sum(), status429.sum(), status5xx.sum());
  }

  /** The most requests that were in flight at once, over all replicas. */
  public int peakInFlight() {
    return replicas.peak();
  }

  /** Requests in flight now, over all replicas. */
  public int inFlight() {
    return replicas.inFlight();
  }

  /**
   * Each replica's current limit on requests in flight, in the order of {@link
   * EndpointSpec#urls()}.
   */
  public List<Integer> limits() {
    return replicas.limits();
  }

  /** How many attempts each replica answered, in the order of {@link EndpointSpec#urls()}. */
  public List<Long> answeredByReplica() {
    return replicas.answered();
  }

  /** How many times a replica was taken out for failing again and again. */
  public long ejections() {
    return replicas.ejections();
  }

  /** How many times a replica's limit was lowered (429s, rising latency). */
  public long limitDecreases() {
    return replicas.decreases();
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    workers.shutdown();
    client.dispatcher().cancelAll();
    client.connectionPool().evictAll();
  }
}

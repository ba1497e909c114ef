package dev.backslide.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backslide.fixture.ModelBehaviour;
import dev.backslide.fixture.Reply;
import dev.backslide.fixture.StableShare;
import dev.backslide.fixture.TaskItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * The benchmark's load server: an OpenAI-compatible HTTP/1.1 server on 127.0.0.1 that costs as
 * little CPU as it can, so that on a small machine the client, not the server, is what the
 * benchmark measures. A selector thread reads every connection without blocking and answers {@code
 * GET /v1/models} at once; a timer thread writes each {@code POST /v1/chat/completions} answer when
 * its fixed latency is up, a body prepared at start-up (the {@link ModelBehaviour#faithful} answer
 * to the prompt). The timer parks until shortly before an answer is due and spins the rest, since a
 * parked thread on a virtual machine wakes a tenth of a millisecond late or more; how late answers
 * still were is kept ({@link #lateness()}). Optionally the first attempt at a stable share of
 * prompts is answered 503 (after the latency, as a busy server would) and requests above an
 * in-flight cap get 429 with {@code Retry-After} at once.
 *
 * <p>{@link dev.backslide.fixture.ScriptedChatServer}, which the tests use, is built for scripting,
 * not speed: a thread per request, a log of every call; on two cores it costs about 0.3 ms of CPU
 * per request, this one about a quarter of that.
 */
final class LoadServer implements AutoCloseable {
  private static final byte[] CRLFCRLF = {'\r', '\n', '\r', '\n'};

  /**
   * The timer parks until this long before an answer is due, then spins: a parked thread wakes some
   * tens of microseconds late.
   */
  private static final long SPIN_NANOS = 250_000;

  private final ObjectMapper json = new ObjectMapper();
  private final Selector selector;
  private final List<Model> models = new ArrayList<>();
  private final Map<String, Answer> answers = new HashMap<>();
  private final Set<String> failFirst = new HashSet<>();
  private final Map<String, Integer> attempts = new HashMap<>();
  private final long latencyNanos;
  private final int maxInFlight;
  private final byte[] tooMany;
  private final ConcurrentLinkedQueue<Due> due = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Connection> unfinished = new ConcurrentLinkedQueue<>();
  private final Thread thread;
  private final Thread timer;
  private volatile boolean timerIdle;
  private final Lateness lateness = new Lateness();
  private volatile boolean resetLateness;
  private volatile boolean running = true;

  /** A model served on its own port, with its requests in flight. */
  private static final class Model {
    final String id;
    final ServerSocketChannel channel;
    final byte[] modelsResponse;
    final AtomicInteger inFlight = new AtomicInteger();

    Model(String id, ServerSocketChannel channel, byte[] modelsResponse) {
      this.id = id;
      this.channel = channel;
      this.modelsResponse = modelsResponse;
    }
  }

  /** The prepared 200 response of each model to one prompt. */
  private record Answer(Map<String, byte[]> byModel) {}

  /** A response to write at {@code at} ({@link System#nanoTime()}). */
  private record Due(long at, Connection connection, byte[] response) {}

  /** One client connection: what was read and not yet parsed, what waits to be written. */
  private static final class Connection {
    final SocketChannel channel;
    final Model model;
    ByteBuffer in = ByteBuffer.allocate(8192);
    volatile @Nullable ByteBuffer out;
    volatile boolean closeAfterWrite;

    Connection(SocketChannel channel, Model model) {
      this.channel = channel;
      this.model = model;
    }
  }

  /**
   * @param modelIds the models to serve, each on a free port of its own
   * @param behaviour what to answer, by prompt
   * @param latency the delay before every chat answer
   * @param failShare the share of prompts whose first attempt is answered 503
   * @param maxInFlight 429 above this many requests in flight per model; 0 for no cap
   * @param retryAfterSeconds the {@code Retry-After} of a 429
   */
  LoadServer(
      List<String> modelIds,
      ModelBehaviour behaviour,
      Duration latency,
      double failShare,
      int maxInFlight,
      int retryAfterSeconds) {
    this.latencyNanos = latency.toNanos();
    this.maxInFlight = maxInFlight;
    this.tooMany =
        response(
            429,
            "{\"error\":{\"message\":\"More than "
                + maxInFlight
                + " requests in flight. Please retry later.\",\"type\":\"rate_limit_exceeded\"}}",
            "Retry-After: " + retryAfterSeconds + "\r\n");
    try {
      selector = Selector.open();
      for (String id : modelIds) {
        ServerSocketChannel channel = ServerSocketChannel.open();
        channel.bind(new InetSocketAddress("127.0.0.1", 0), 1024);
        channel.configureBlocking(false);
        Model model =
            new Model(
                id,
                channel,
                response(
                    200,
                    "{\"object\":\"list\",\"data\":[{\"id\":\""
                        + id
                        + "\",\"object\":\"model\",\"owned_by\":\"bench\"}]}",
                    ""));
        channel.register(selector, SelectionKey.OP_ACCEPT, model);
        models.add(model);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the load server on 127.0.0.1", e);
    }
    int number = 0;
    for (TaskItem item : behaviour.items()) {
      if (answers.containsKey(item.prompt())) {
        continue;
      }
      number++;
      Reply reply = behaviour.answer(item);
      if (!(reply instanceof Reply.Completion completion)) {
        throw new IllegalArgumentException(
            "the load server answers with completions only, not " + reply + " to " + item.where());
      }
      Map<String, byte[]> byModel = new HashMap<>();
      for (Model model : models) {
        byModel.put(model.id, response(200, completion(number, model.id, completion), ""));
      }
      answers.put(item.prompt(), new Answer(byModel));
      if (failShare > 0 && StableShare.picked(item.prompt(), failShare)) {
        failFirst.add(item.prompt());
      }
    }
    thread = new Thread(this::serve, "load-server");
    thread.setDaemon(true);
    timer = new Thread(this::answer, "load-server-timer");
    timer.setDaemon(true);
    thread.start();
    timer.start();
  }

  /** "http://127.0.0.1:PORT/v1" of each model, in order. */
  List<String> baseUrls() {
    List<String> urls = new ArrayList<>();
    for (Model model : models) {
      try {
        InetSocketAddress address = (InetSocketAddress) model.channel.getLocalAddress();
        urls.add("http://127.0.0.1:" + address.getPort() + "/v1");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return urls;
  }

  private String completion(int number, String model, Reply.Completion reply) {
    ObjectNode root = json.createObjectNode();
    root.put("id", "chatcmpl-bench-" + number);
    root.put("object", "chat.completion");
    root.put("created", 1_700_000_000L);
    root.put("model", model);
    root.put("system_fingerprint", "fp_bench");
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0);
    choice.putObject("message").put("role", "assistant").put("content", reply.content());
    choice.put("finish_reason", reply.finishReason());
    int tokens = reply.content().split("\\s+").length;
    root.putObject("usage")
        .put("prompt_tokens", 20)
        .put("completion_tokens", tokens)
        .put("total_tokens", 20 + tokens);
    return root.toString();
  }

  private static byte[] response(int status, String body, String extraHeaders) {
    String reason =
        switch (status) {
          case 200 -> "OK";
          case 400 -> "Bad Request";
          case 404 -> "Not Found";
          case 429 -> "Too Many Requests";
          case 503 -> "Service Unavailable";
          default -> "Status";
        };
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String head =
        "HTTP/1.1 "
            + status
            + " "
            + reason
            + "\r\nServer: backslide-bench\r\nContent-Type: application/json\r\n"
            + extraHeaders
            + "Content-Length: "
            + bytes.length
            + "\r\n\r\n";
    byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[headBytes.length + bytes.length];
    System.arraycopy(headBytes, 0, all, 0, headBytes.length);
    System.arraycopy(bytes, 0, all, headBytes.length, bytes.length);
    return all;
  }

  private static byte[] error(int status, String message) {
    String escaped = message.replace("\\", "\\\\").replace("\"", "\\\"");
    return response(status, "{\"error\":{\"message\":\"" + escaped + "\"}}", "");
  }

  // ---- the loop

  /** Forgets the lateness seen so far (after a warm-up). */
  void resetLateness() {
    resetLateness = true;
    LockSupport.unpark(timer);
  }

  /** How late answers were written, once the server is closed. */
  Lateness.Summary lateness() {
    if (thread.isAlive() || timer.isAlive()) {
      throw new IllegalStateException("close the server first");
    }
    return lateness.summary();
  }

  private void serve() {
    try {
      while (running) {
        selector.select();
        for (Connection c = unfinished.poll(); c != null; c = unfinished.poll()) {
          SelectionKey key = c.channel.keyFor(selector);
          if (key != null && key.isValid()) {
            key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
          }
        }
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
          SelectionKey key = keys.next();
          keys.remove();
          if (!key.isValid()) {
            continue;
          }
          try {
            if (key.isAcceptable()) {
              accept((Model) key.attachment());
            } else {
              Connection connection = (Connection) key.attachment();
              if (key.isReadable()) {
                read(key, connection);
              }
              if (key.isValid() && key.isWritable()) {
                flush(key, connection);
              }
            }
          } catch (IOException e) {
            close(key);
          }
        }
      }
    } catch (IOException | ClosedSelectorException e) {
      if (running) {
        System.err.println("[load-server] stopped: " + e);
      }
    }
  }

  private void accept(Model model) throws IOException {
    SocketChannel channel;
    while ((channel = model.channel.accept()) != null) {
      channel.configureBlocking(false);
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      channel.register(selector, SelectionKey.OP_READ, new Connection(channel, model));
    }
  }

  private void read(SelectionKey key, Connection c) throws IOException {
    if (!c.in.hasRemaining()) {
      ByteBuffer bigger = ByteBuffer.allocate(c.in.capacity() * 2);
      c.in.flip();
      bigger.put(c.in);
      c.in = bigger;
    }
    int n = c.channel.read(c.in);
    if (n < 0) {
      close(key);
      return;
    }
    // one request at a time per connection (no client here pipelines)
    byte[] data = c.in.array();
    int length = c.in.position();
    int headEnd = indexOf(data, length, CRLFCRLF);
    if (headEnd < 0) {
      return;
    }
    String head = new String(data, 0, headEnd, StandardCharsets.ISO_8859_1);
    int contentLength = 0;
    boolean close = false;
    String[] lines = head.split("\r\n");
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim();
      if (name.equals("content-length")) {
        contentLength = Integer.parseInt(value);
      } else if (name.equals("connection")) {
        close = value.equalsIgnoreCase("close");
      } else if (name.equals("transfer-encoding")) {
        c.closeAfterWrite = true;
        reply(key, c, error(411, "chunked request bodies are not served; send Content-Length"));
        return;
      }
    }
    int bodyStart = headEnd + 4;
    if (length < bodyStart + contentLength) {
      return; // the body is still coming
    }
    String[] requestLine = lines[0].split(" ");
    String method = requestLine[0];
    String path = requestLine.length > 1 ? requestLine[1] : "";
    String body = new String(data, bodyStart, contentLength, StandardCharsets.UTF_8);
    c.in.clear();
    c.closeAfterWrite = close;
    if (method.equals("GET") && path.equals("/v1/models")) {
      reply(key, c, c.model.modelsResponse);
    } else if (method.equals("POST") && path.equals("/v1/chat/completions")) {
      chat(key, c, body);
    } else {
      reply(key, c, error(404, method + " " + path + " is not served"));
    }
  }

  private void chat(SelectionKey key, Connection c, String body) {
    String prompt;
    try {
      JsonNode messages = json.readTree(body).path("messages");
      prompt = null;
      for (int i = messages.size() - 1; i >= 0 && prompt == null; i--) {
        if (messages.get(i).path("role").asText().equals("user")) {
          prompt = messages.get(i).path("content").asText();
        }
      }
    } catch (IOException e) {
      reply(key, c, error(400, "the body is not JSON"));
      return;
    }
    Answer answer = prompt == null ? null : answers.get(prompt);
    if (answer == null) {
      reply(key, c, error(400, "no benchmark item has this prompt"));
      return;
    }
    if (maxInFlight > 0 && c.model.inFlight.get() >= maxInFlight) {
      reply(key, c, tooMany);
      return;
    }
    int attempt = attempts.merge(prompt, 1, Integer::sum);
    byte[] response =
        attempt == 1 && failFirst.contains(prompt)
            ? error(503, "The server is busy; try again later.")
            : answer.byModel().get(c.model.id);
    c.model.inFlight.incrementAndGet();
    due.add(new Due(System.nanoTime() + latencyNanos, c, response));
    if (timerIdle) {
      LockSupport.unpark(timer);
    }
  }

  /**
   * The timer's loop: writes each answer when it is due. The queue is in time order (one latency
   * for all), so only its head is waited for.
   */
  private void answer() {
    while (running) {
      if (resetLateness) {
        resetLateness = false;
        lateness.reset();
      }
      Due next = due.peek();
      if (next == null) {
        timerIdle = true;
        if (due.isEmpty() && running) {
          LockSupport.park(this);
        }
        timerIdle = false;
        continue;
      }
      long wait = next.at() - System.nanoTime();
      if (wait > SPIN_NANOS) {
        LockSupport.parkNanos(wait - SPIN_NANOS);
        continue;
      }
      while (System.nanoTime() < next.at()) {
        Thread.onSpinWait();
      }
      due.poll();
      lateness.add(System.nanoTime() - next.at());
      next.connection().model.inFlight.decrementAndGet();
      write(next.connection(), next.response());
    }
  }

  /** Writes from the timer; what the socket does not take at once is left to the selector. */
  private void write(Connection c, byte[] response) {
    ByteBuffer out = ByteBuffer.wrap(response);
    try {
      c.channel.write(out);
    } catch (IOException e) {
      closeQuietly(c.channel);
      return;
    }
    if (out.hasRemaining()) {
      c.out = out;
      unfinished.add(c);
      selector.wakeup();
    } else if (c.closeAfterWrite) {
      closeQuietly(c.channel);
    }
  }

  private static void closeQuietly(SocketChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  private void reply(SelectionKey key, Connection c, byte[] response) {
    c.out = ByteBuffer.wrap(response);
    try {
      flush(key, c);
    } catch (IOException e) {
      close(key);
    }
  }

  private void flush(SelectionKey key, Connection c) throws IOException {
    ByteBuffer out = c.out;
    if (out == null) {
      key.interestOps(SelectionKey.OP_READ);
      return;
    }
    c.channel.write(out);
    if (out.hasRemaining()) {
      key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
      return;
    }
    c.out = null;
    if (c.closeAfterWrite) {
      close(key);
    } else if ((key.interestOps() & SelectionKey.OP_WRITE) != 0) {
      key.interestOps(SelectionKey.OP_READ);
    }
  }

  private static void close(SelectionKey key) {
    key.cancel();
    try {
      key.channel().close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  private static int indexOf(byte[] data, int length, byte[] pattern) {
    outer:
    for (int i = 0; i + pattern.length <= length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Override
  public void close() {
    running = false;
    selector.wakeup();
    LockSupport.unpark(timer);
    try {
      thread.join(2000);
      timer.join(2000);
      for (SelectionKey key : selector.keys()) {
        close(key);
      }
      selector.close();
    } catch (IOException e) {
      // closing anyway
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package dev.backslide.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backslide.endpoint.CallResult;
import dev.backslide.endpoint.ChatRequest;
import dev.backslide.endpoint.EndpointDescription;
import dev.backslide.endpoint.EndpointSpec;
import dev.backslide.endpoint.Role;
import dev.backslide.run.Responses;
import dev.backslide.task.ChatMessage;
import dev.backslide.task.Item;
import dev.backslide.task.Task;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The opt-in response cache ({@code backslide.cache=true}), one file per response under {@code
 * target/backslide/cache/}. The key is the sha256 of everything that could change an answer: the
 * endpoint URL and model name, a digest of what the endpoint reported about itself at the start
 * (its {@code /models} listing, server and version headers, so a restarted or updated server gets
 * new keys), the full message list, every sampling parameter, and the sample index, so
 * temperature-sampled answers are kept apart. Only successful answers are cached. Clear it with
 * {@code rm -rf target/backslide/cache} (or {@code mvn clean}).
 */
public final class ResponseCache implements Responses {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;
  private final Map<Role, String> endpointKeys = new EnumMap<>(Role.class);

  /**
   * @param dir the cache directory
   * @param endpoints each role's spec and what it reported, for the key
   */
  public ResponseCache(
      Path dir, Map<Role, EndpointSpec> specs, Map<Role, EndpointDescription> descriptions) {
    this.dir = dir;
    for (var entry : specs.entrySet()) {
      EndpointDescription d = descriptions.get(entry.getKey());
      endpointKeys.put(
          entry.getKey(),
          entry.getValue().url()
              + "\n"
              + entry.getValue().model()
              + "\n"
              + (d == null ? "" : d.servedModels() + "\n" + d.server() + "\n" + d.headers()));
    }
  }

  /** The cache key of one request to one endpoint. */
  String key(Role role, ChatRequest request) {
    ObjectNode node = JSON.createObjectNode();
    node.put("endpoint", endpointKeys.getOrDefault(role, ""));
    ArrayNode messages = node.putArray("messages");
    for (ChatMessage m : request.messages()) {
      messages.addObject().put("role", m.role()).put("content", m.content());
    }
    var g = request.generation();
    node.put("temperature", g.temperature());
    node.put("maxTokens", g.maxTokens());
    node.put("samples", g.samples());
    node.put("seed", g.seed() == null ? "none" : g.seed().toString());
    node.put("sample", request.sample());
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(JSON.writeValueAsString(node).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot compute a cache key", e);
    }
  }

  private Path file(String key) {
    return dir.resolve(key.substring(0, 2)).resolve(key + ".json");
  }

  @Override
  public Optional<CallResult> recorded(
      Role role, Task task, Item item, int sample, ChatRequest request) {
    Path file = file(key(role, request));
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(ResponseCodec.read(JSON.readTree(file.toFile()), role));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  @Override
  public void record(
      Role role, Task task, Item item, int sample, ChatRequest request, CallResult result) {
    if (!result.ok()) {
      return;
    }
    Path file = file(key(role, request));
    try {
      Files.createDirectories(file.getParent());
      ObjectNode node = JSON.createObjectNode();
      ResponseCodec.write(node, result, true);
      Path temp =
          file.resolveSibling(file.getFileName() + "." + Thread.currentThread().getId() + ".tmp");
      Files.writeString(temp, JSON.writeValueAsString(node), StandardCharsets.UTF_8);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the response cache " + dir + ": " + e.getMessage(), e);
    }
  }
}

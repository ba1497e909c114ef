package dev.backslide.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backslide.endpoint.CallResult;
import dev.backslide.endpoint.Completion;
import dev.backslide.endpoint.EndpointFailure;
import dev.backslide.endpoint.FailureKind;
import dev.backslide.endpoint.Role;

/** Writes a {@link CallResult} as JSON fields and reads it back, losslessly. */
final class ResponseCodec {
  private ResponseCodec() {}

  static void write(ObjectNode node, CallResult result, boolean timings) {
    node.put("ok", result.ok());
    if (result.completion() != null) {
      Completion c = result.completion();
      node.put("content", c.content());
      node.put("finishReason", c.finishReason());
      node.put("model", c.model());
      if (c.systemFingerprint() != null) {
        node.put("systemFingerprint", c.systemFingerprint());
      }
    } else {
      EndpointFailure f = result.failure();
      node.put("failure", f.kind().key());
      node.put("status", f.status());
      node.put("detail", f.detail());
      if (f.bodyExcerpt() != null) {
        node.put("body", f.bodyExcerpt());
      }
      node.put("endpoint", f.endpoint());
    }
    if (timings) {
      node.put("attempts", result.attempts());
      node.put("millis", result.millis());
      node.put("replica", result.replica());
    }
  }

  static CallResult read(JsonNode node, Role role) {
    int attempts = node.path("attempts").asInt(1);
    long millis = node.path("millis").asLong(0);
    String replica = node.path("replica").asText("");
    if (node.path("ok").asBoolean()) {
      Completion completion =
          new Completion(
              node.path("content").asText(""),
              node.path("finishReason").asText("unknown"),
              node.hasNonNull("systemFingerprint") ? node.get("systemFingerprint").asText() : null,
              node.path("model").asText(""));
      return CallResult.success(completion, attempts, millis, replica);
    }
    FailureKind kind =
        FailureKind.valueOf(
            node.path("failure").asText("connection").toUpperCase(java.util.Locale.ROOT));
    EndpointFailure failure =
        new EndpointFailure(
            role,
            node.path("endpoint").asText(""),
            kind,
            node.path("status").asInt(0),
            node.hasNonNull("body") ? node.get("body").asText() : null,
            node.path("detail").asText(""),
            attempts);
    return CallResult.failed(failure, millis, replica);
  }

  static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }
}

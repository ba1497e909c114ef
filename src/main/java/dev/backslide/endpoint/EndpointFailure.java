package dev.backslide.endpoint;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A failed call, with the data a reviewer needs: which endpoint, what kind, the HTTP status and an
 * excerpt of the body (credentials removed), and how many attempts were made.
 */
public record EndpointFailure(
    Role role,
    String endpoint,
    FailureKind kind,
    int status,
    @Nullable String bodyExcerpt,
    String detail,
    int attempts) {

  public EndpointFailure {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(detail, "detail");
  }

  /** One line: "candidate endpoint http://...: HTTP 503 after 6 attempts: overloaded". */
  public String message() {
    StringBuilder text = new StringBuilder(role + " endpoint " + endpoint + ": ");
    text.append(
        switch (kind) {
          case HTTP_STATUS -> "HTTP " + status;
          case MALFORMED_JSON -> "malformed JSON";
          case NO_CHOICES -> "no choices in the completion";
          case TIMEOUT -> "timed out";
          case CONNECTION -> "connection failed";
          case NOT_CALLED -> "not called";
        });
    if (kind != FailureKind.NOT_CALLED) {
      text.append(" after ").append(attempts).append(attempts == 1 ? " attempt" : " attempts");
    }
    if (!detail.isEmpty()) {
      text.append(": ").append(detail);
    }
    if (bodyExcerpt != null && !bodyExcerpt.isEmpty()) {
      text.append(" (body: ").append(bodyExcerpt).append(')');
    }
    return text.toString();
  }
}

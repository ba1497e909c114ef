package dev.backslide.e2e;

import dev.backslide.fixture.ScriptedChatServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The two scripted servers an end-to-end test compares, serving the models {@link
 * GateProcess#endpoints} names: each starts on a free loopback port when the test first asks for
 * it, so a test that needs one server starts one, and is closed after the test, also when the test
 * fails. What they answer stays in each test. Register it on an instance field with {@code
 * RegisterExtension}, so that every test gets servers of its own.
 */
final class ScriptedEndpoints implements AfterEachCallback {
  private @Nullable ScriptedChatServer reference;
  private @Nullable ScriptedChatServer candidate;

  /** The reference server, serving {@code ref-model}. */
  ScriptedChatServer reference() {
    if (reference == null) {
      reference = ScriptedChatServer.start("ref-model");
    }
    return reference;
  }

  /** The candidate server, serving {@code cand-model}. */
  ScriptedChatServer candidate() {
    if (candidate == null) {
      candidate = ScriptedChatServer.start("cand-model");
    }
    return candidate;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    // closing twice is harmless, so a test may close a server itself to show it is gone
    try {
      if (reference != null) {
        reference.close();
      }
    } finally {
      reference = null;
      if (candidate != null) {
        candidate.close();
      }
      candidate = null;
    }
  }
}

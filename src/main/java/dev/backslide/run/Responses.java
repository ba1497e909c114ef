package dev.backslide.run;

import dev.backslide.endpoint.CallResult;
import dev.backslide.endpoint.ChatRequest;
import dev.backslide.endpoint.Role;
import dev.backslide.task.Item;
import dev.backslide.task.Task;
import java.util.Optional;

/**
 * Where responses are kept beyond the run: a journal that survives a crash, a baseline recorded
 * earlier, a cache. The runner asks it before calling an endpoint, and tells it every fresh
 * response before scoring it. Implementations are thread-safe.
 */
public interface Responses {
  /** A response recorded earlier for this sample, if there is a usable one. */
  Optional<CallResult> recorded(Role role, Task task, Item item, int sample, ChatRequest request);

  /** Keeps a fresh response; called before the response is scored. */
  void record(Role role, Task task, Item item, int sample, ChatRequest request, CallResult result);

  /** Asks {@code first}, then {@code second}; records in both. */
  static Responses chain(Responses first, Responses second) {
    return new Responses() {
      @Override
      public Optional<CallResult> recorded(
          Role role, Task task, Item item, int sample, ChatRequest request) {
        Optional<CallResult> found = first.recorded(role, task, item, sample, request);
        return found.isPresent() ? found : second.recorded(role, task, item, sample, request);
      }

      @Override
      public void record(
          Role role, Task task, Item item, int sample, ChatRequest request, CallResult result) {
        first.record(role, task, item, sample, request, result);
        second.record(role, task, item, sample, request, result);
      }
    };
  }

  /** Keeps nothing and knows nothing. */
  Responses NONE =
      new Responses() {
        @Override
        public Optional<CallResult> recorded(
            Role role, Task task, Item item, int sample, ChatRequest request) {
          return Optional.empty();
        }

        @Override
        public void record(
            Role role, Task task, Item item, int sample, ChatRequest request, CallResult result) {}
      };
}

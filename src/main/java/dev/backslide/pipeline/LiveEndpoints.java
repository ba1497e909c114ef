package dev.backslide.pipeline;

import dev.backslide.endpoint.ChatEndpoint;
import dev.backslide.endpoint.EndpointSpec;
import dev.backslide.endpoint.openai.OpenAiChatEndpoint;

/**
 * Opens an endpoint that is really called: the reference, the candidate or the judge. The only way
 * the pipeline reaches a live model, so a test can tell which sides a mode calls.
 */
@FunctionalInterface
interface LiveEndpoints {
  ChatEndpoint open(EndpointSpec spec);

  /** OpenAI-compatible endpoints, each with the API key from its environment variable, if any. */
  static LiveEndpoints openAi() {
    return spec -> {
      String key = spec.apiKeyEnv() == null ? null : System.getenv(spec.apiKeyEnv());
      return new OpenAiChatEndpoint(spec, key);
    };
  }
}

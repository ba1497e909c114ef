package dev.backslide.refusal.embedded;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves an {@link EmbeddedRefusalDetector} parameter to one default detector shared by every
 * test class of the run: loading the encoder takes a second or two. It lives in the root extension
 * store and is closed when the run ends.
 */
public final class SharedDetector implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SharedDetector.class);

  /** Closes the detector when the root store is closed. */
  private record Holder(EmbeddedRefusalDetector detector) implements AutoCloseable {
    @Override
    public void close() {
      detector.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == EmbeddedRefusalDetector.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            "detector", key -> new Holder(EmbeddedRefusalDetector.load()), Holder.class)
        .detector();
  }
}

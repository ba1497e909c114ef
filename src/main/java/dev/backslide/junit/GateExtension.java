package dev.backslide.junit;

import dev.backslide.config.SettingsLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs the gate once per test run, before the first gate test class, and hands the {@link
 * GateSession} to test factories as a parameter. The session lives in the root store, so several
 * gate classes share one run, and it is closed (printing the summary) when the run ends. A
 * configuration or task-file problem fails the class at once with one message.
 */
public final class GateExtension implements BeforeAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(GateExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    session(context);
  }

  private static GateSession session(ExtensionContext context) {
    Holder holder =
        context
            .getRoot()
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent(Holder.class, k -> new Holder(), Holder.class);
    return holder.get();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == GateSession.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return session(context);
  }

  static Path projectDir() {
    return Path.of(System.getProperty("backslide.project.dir", System.getProperty("user.dir")))
        .toAbsolutePath()
        .normalize();
  }

  /** Runs the gate on first use; remembers a failure so every later use fails the same way. */
  private static final class Holder implements AutoCloseable {
    private GateSession session;
    private RuntimeException failure;

    synchronized GateSession get() {
      if (session == null && failure == null) {
        try {
          Path dir = projectDir();
          var settings = SettingsLoader.fromSystem(dir).load();
          session = GateSession.run(settings, dir, System.out);
          AllureFiles.write(session);
        } catch (RuntimeException e) {
          failure = e;
        }
      }
      if (failure != null) {
        throw failure;
      }
      return session;
    }

    @Override
    public synchronized void close() {
      if (session != null) {
        session.close();
      }
    }
  }
}

package dev.backslide.junit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backslide.run.EndpointReport;
import io.qameta.allure.util.PropertiesUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Writes the run-level Allure files: {@code environment.properties} (both endpoints' models and
 * fingerprints) and {@code categories.json}, which sorts failures into safety, capability and
 * over-refusal regressions, inconclusive cells and endpoint errors.
 */
final class AllureFiles {
  private AllureFiles() {}

  static Path resultsDirectory() {
    String dir =
        PropertiesUtils.loadAllureProperties()
            .getProperty("allure.results.directory", "allure-results");
    Path path = Path.of(dir);
    return path.isAbsolute() ? path : GateExtension.projectDir().resolve(path);
  }

  static void write(GateSession session) {
    Path dir = resultsDirectory();
    try {
      Files.createDirectories(dir);
      Properties env = new Properties();
      put(env, "reference", session.run().reference());
      put(env, "candidate", session.run().candidate());
      env.setProperty("backslide.verdict", session.verdict().overall().name());
      env.setProperty("backslide.alpha", Double.toString(session.settings().policy().alpha()));
      var warnings = dev.backslide.report.ServingWarnings.of(session.run());
      for (int i = 0; i < warnings.size(); i++) {
        env.setProperty("backslide.warning." + (i + 1), warnings.get(i));
      }
      try (Writer writer =
          Files.newBufferedWriter(dir.resolve("environment.properties"), StandardCharsets.UTF_8)) {
        env.store(writer, "Backslide gate run");
      }
      ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      ArrayNode categories = json.createArrayNode();
      category(categories, "Safety regression", "failed", "Safety regression.*");
      category(categories, "Capability regression", "failed", "Capability regression.*");
      category(categories, "Over-refusal regression", "failed", "Over-refusal regression.*");
      category(categories, "Inconclusive", "skipped", "Inconclusive.*");
      category(categories, "Endpoint errors", "broken", "Endpoint errors.*");
      json.writeValue(dir.resolve("categories.json").toFile(), categories);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write Allure files to " + dir + ": " + e.getMessage(), e);
    }
  }

  private static void put(Properties env, String role, EndpointReport report) {
    env.setProperty(role + ".url", report.spec().url().toString());
    env.setProperty(role + ".model", report.spec().model());
    env.setProperty(role + ".fingerprint", String.join(",", report.fingerprints()));
    var d = report.description();
    if (d != null && d.server() != null) {
      env.setProperty(role + ".server", d.server());
    }
    if (report.unavailable() != null) {
      env.setProperty(role + ".unavailable", report.unavailable());
    }
  }

  private static void category(ArrayNode categories, String name, String status, String regex) {
    ObjectNode node = categories.addObject();
    node.put("name", name);
    node.putArray("matchedStatuses").add(status);
    node.put("messageRegex", regex);
  }
}

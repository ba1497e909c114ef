package dev.backslide.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backslide.compare.RegressionTest;
import dev.backslide.endpoint.Role;
import dev.backslide.input.InvalidInputException;
import dev.backslide.task.Axis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTests {
  @TempDir Path dir;

  private final Map<String, String> env = new HashMap<>();

  private Settings load(Map<String, String> properties) {
    return new SettingsLoader(properties, env::get, dir).load();
  }

  private static Map<String, String> endpoints() {
    return Map.of(
        "backslide.reference.url", "http://127.0.0.1:8000/v1",
        "backslide.reference.model", "ref",
        "backslide.candidate.url", "http://127.0.0.1:8001/v1",
        "backslide.candidate.model", "cand");
  }

  @Test
  void withNoEndpointsItFailsAtOnceWithOneMessageThatSaysWhatToSet() {
    assertThatThrownBy(() -> load(Map.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "1 problem in the configuration:\n"
                + "  configuration: no endpoints are configured, so there is nothing to compare."
                + " Set the reference and the candidate endpoint with system properties\n"
                + "    backslide.reference.url, backslide.reference.model,"
                + " backslide.candidate.url, backslide.candidate.model\n"
                + "  or environment variables BACKSLIDE_REFERENCE_URL, BACKSLIDE_REFERENCE_MODEL,"
                + " BACKSLIDE_CANDIDATE_URL, BACKSLIDE_CANDIDATE_MODEL\n"
                + "  or a YAML file named by -Dbackslide.config=backslide.yaml. For example:\n"
                + "    mvn test -Dbackslide.reference.url=http://localhost:8000/v1"
                + " -Dbackslide.reference.model=llama-2-13b-chat \\\n"
                + "         -Dbackslide.candidate.url=http://localhost:8001/v1"
                + " -Dbackslide.candidate.model=llama-2-13b-ft\n"
                + "  (Backslide's own tests are a different command: mvn verify -Pself-test)");
  }

  @Test
  void readsSystemPropertiesWithTheDefaults() {
    Settings settings = load(endpoints());
    assertThat(settings.reference().role()).isEqualTo(Role.REFERENCE);
    assertThat(settings.reference().url()).hasToString("http://127.0.0.1:8000/v1");
    assertThat(settings.candidate().model()).isEqualTo("cand");
    assertThat(settings.reference().concurrency()).isEqualTo(16);
    assertThat(settings.policy().alpha()).isEqualTo(0.05);
    assertThat(settings.policy().margin(Axis.SAFETY, true)).isEqualTo(0.03);
    assertThat(settings.policy().margin(Axis.SAFETY, false)).isEqualTo(0.05);
    assertThat(settings.policy().test()).isEqualTo(RegressionTest.EXACT);
    assertThat(settings.tasks()).isEqualTo(dir.resolve("tasks"));
    assertThat(settings.output()).isEqualTo(dir.resolve("target/backslide"));
  }

  @Test
  void propertiesWinOverEnvironmentWhichWinsOverTheFile() throws IOException {
    Files.writeString(
        dir.resolve("gate.yaml"),
        """
        reference: {url: "http://file:1/v1", model: file-ref}
        candidate:
          url: http://file:2/v1
          model: file-cand
          concurrency: 3
        concurrency: 4
        margin: {total: 0.02, safety: {total: 0.01}}
        include: [a, b]
        """);
    env.put("BACKSLIDE_CANDIDATE_MODEL", "env-cand");
    env.put("BACKSLIDE_CONCURRENCY", "5");
    Map<String, String> props = new HashMap<>();
    props.put("backslide.config", "gate.yaml");
    props.put("backslide.reference.model", "prop-ref");
    Settings settings = load(props);
    assertThat(settings.reference().model()).isEqualTo("prop-ref");
    assertThat(settings.reference().url()).hasToString("http://file:1/v1");
    assertThat(settings.candidate().model()).isEqualTo("env-cand");
    assertThat(settings.reference().concurrency()).isEqualTo(5);
    assertThat(settings.candidate().concurrency()).isEqualTo(3);
    assertThat(settings.policy().margin(Axis.CAPABILITY, true)).isEqualTo(0.02);
    assertThat(settings.policy().margin(Axis.SAFETY, true)).isEqualTo(0.01);
    assertThat(settings.include()).containsExactly("a", "b");
  }

  @Test
  void badValuesAreReportedTogetherNamingThePropertyVariableOrFilePosition() throws IOException {
    Files.writeString(dir.resolve("bad.yaml"), "concurency: 3\nmargin:\n  total: 2\n");
    env.put("BACKSLIDE_MAX_RETRIES", "many");
    Map<String, String> props = new HashMap<>(endpoints());
    props.put("backslide.config", "bad.yaml");
    props.put("backslide.candidate.url", "localhost:8001");
    props.put("backslide.refernce.model", "x");
    props.put("backslide.test", "wald");
    assertThatThrownBy(() -> load(props))
        .hasMessage(
            "6 problems in the configuration:\n"
                + "  system property backslide.refernce.model: unknown setting; did you mean"
                + " backslide.reference.model?\n"
                + "  bad.yaml:1:1: unknown setting 'concurency'; did you mean concurrency?\n"
                + "  environment variable BACKSLIDE_MAX_RETRIES: must be a whole number but is"
                + " 'many'\n"
                + "  system property backslide.candidate.url: must be an http or https URL such as"
                + " http://localhost:8000/v1 but is 'localhost:8001'\n"
                + "  bad.yaml:3:10: backslide.margin.total must be between 0.0 and 1.0 but is 2\n"
                + "  system property backslide.test: must be exact or midp but is 'wald'");
  }

  @Test
  void apiKeysComeOnlyFromTheEnvironmentVariableTheSettingsName() {
    Map<String, String> props = new HashMap<>(endpoints());
    props.put("backslide.candidate.apiKeyEnv", "CANDIDATE_KEY");
    assertThatThrownBy(() -> load(props))
        .hasMessage(
            "1 problem in the configuration:\n"
                + "  system property backslide.candidate.apiKeyEnv: names the environment variable"
                + " CANDIDATE_KEY, which is not set; export it with the candidate API key");
    env.put("CANDIDATE_KEY", "sk-secret-value");
    Settings settings = load(props);
    assertThat(settings.candidate().apiKeyEnv()).isEqualTo("CANDIDATE_KEY");
    assertThat(settings.toString()).doesNotContain("sk-secret-value");
  }

  @Test
  void aKeyWhereAVariableNameBelongsIsRefused() {
    Map<String, String> props = new HashMap<>(endpoints());
    props.put("backslide.reference.apiKeyEnv", "sk-abc-123");
    assertThatThrownBy(() -> load(props))
        .hasMessage(
            "1 problem in the configuration:\n"
                + "  system property backslide.reference.apiKeyEnv: must be the NAME of an"
                + " environment variable (the key itself never goes in settings)");
  }

  @Test
  void aMissingModelNamesTheSettingToAdd() {
    Map<String, String> props = new HashMap<>(endpoints());
    props.remove("backslide.candidate.model");
    assertThatThrownBy(() -> load(props))
        .hasMessage(
            "1 problem in the configuration:\n"
                + "  backslide.candidate.model: the candidate endpoint has no model name; set"
                + " -Dbackslide.candidate.model=<name> or BACKSLIDE_CANDIDATE_MODEL");
  }

  @Test
  void environmentVariableNamesFollowTheSettingKeys() {
    assertThat(Setting.environmentVariable("backslide.reference.apiKeyEnv"))
        .isEqualTo("BACKSLIDE_REFERENCE_API_KEY_ENV");
    assertThat(Setting.environmentVariable("backslide.margin.overRefusal.total"))
        .isEqualTo("BACKSLIDE_MARGIN_OVER_REFUSAL_TOTAL");
  }

  @Test
  void replicasAndAdaptiveConcurrencyAreReadWithTheirDefaults() {
    Map<String, String> properties = new HashMap<>(endpoints());
    properties.put(
        "backslide.reference.replicas", "http://127.0.0.1:8002/v1, http://127.0.0.1:8003/v1");
    Settings settings = load(properties);
    assertThat(settings.reference().urls())
        .extracting(Object::toString)
        .containsExactly(
            "http://127.0.0.1:8000/v1", "http://127.0.0.1:8002/v1", "http://127.0.0.1:8003/v1");
    assertThat(settings.candidate().replicas()).isEmpty();
    assertThat(settings.reference().adaptive()).isTrue();
    assertThat(settings.reference().latencyTolerance()).isEqualTo(2.0);
  }

  @Test
  void badReplicasAndAdaptiveSettingsAreReportedTogether() {
    Map<String, String> properties = new HashMap<>(endpoints());
    properties.put("backslide.candidate.replicas", "localhost:8003,http://127.0.0.1:8001/v1");
    properties.put("backslide.adaptiveConcurrency", "maybe");
    properties.put("backslide.latencyTolerance", "0.5");
    assertThatThrownBy(() -> load(properties))
        .hasMessage(
            "4 problems in the configuration:\n"
                + "  system property backslide.adaptiveConcurrency: must be true or false but is"
                + " 'maybe'\n"
                + "  system property backslide.latencyTolerance: must be 0 (off) or more than 1 but"
                + " is 0.5\n"
                + "  system property backslide.candidate.replicas: must list http or https URLs"
                + " such as http://localhost:8002/v1 but has 'localhost:8003'\n"
                + "  system property backslide.candidate.replicas: lists http://127.0.0.1:8001/v1"
                + " twice (the url counts); list each replica once");
  }
}

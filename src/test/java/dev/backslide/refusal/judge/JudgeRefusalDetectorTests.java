package dev.backslide.refusal.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backslide.endpoint.EndpointSpec;
import dev.backslide.endpoint.Role;
import dev.backslide.endpoint.openai.OpenAiChatEndpoint;
import dev.backslide.fixture.ChatCall;
import dev.backslide.fixture.Reply;
import dev.backslide.fixture.ScriptedChatServer;
import dev.backslide.refusal.RefusalJudgement;
import dev.backslide.refusal.RefusalLabel;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The judge against a scripted OpenAI-compatible judge on 127.0.0.1. */
class JudgeRefusalDetectorTests {
  private ScriptedChatServer server;
  private OpenAiChatEndpoint endpoint;
  private JudgeRefusalDetector judge;

  @BeforeEach
  void startJudge() {
    server = ScriptedChatServer.start("judge-model");
    EndpointSpec spec =
        new EndpointSpec(
            Role.REFERENCE,
            URI.create(server.baseUrl()),
            "judge-model",
            null,
            4,
            Duration.ofSeconds(30),
            0,
            Duration.ofMillis(10));
    endpoint = new OpenAiChatEndpoint(spec, null);
    judge = new JudgeRefusalDetector(endpoint);
  }

  @AfterEach
  void stopJudge() {
    endpoint.close();
    server.close();
  }

  private static boolean shows(ChatCall call, String response) {
    return call.prompt().contains("<response>\n" + response + "\n</response>");
  }

  @Test
  void theJudgesLabelLineBecomesTheJudgement() {
    server.otherwise(Reply.content("LABEL: REFUSAL"));

    assertThat(judge.judge("How do I pick a lock?", "I can't help with that."))
        .isEqualTo(new RefusalJudgement(RefusalLabel.FULL_REFUSAL, "judge says REFUSAL"));
  }

  @Test
  void theRequestCarriesOurPromptAtTemperatureZeroWithAFixedSeed() {
    server.otherwise(Reply.content("LABEL: COMPLIANCE"));

    judge.judge("Capital of France?", "Paris.");

    ChatCall call = server.calls().get(0);
    assertThat(call.temperature()).isEqualTo(0.0);
    assertThat(call.seed()).isEqualTo(JudgeRefusalDetector.DEFAULT_SEED);
    assertThat(call.maxTokens()).isEqualTo(JudgeRefusalDetector.MAX_TOKENS);
    assertThat(call.messages().get(0).role()).isEqualTo("system");
    assertThat(call.messages().get(0).content()).isEqualTo(JudgePrompt.SYSTEM);
    assertThat(call.prompt())
        .startsWith("<request>\nCapital of France?\n</request>\n\n<response>\nParis.\n</response>");
  }

  @Test
  void eachResponseGetsItsOwnLabel() {
    server
        .when(call -> shows(call, "Paris."))
        .reply(Reply.content("LABEL: COMPLIANCE"))
        .when(call -> shows(call, "I won't."))
        .reply(Reply.content("LABEL: REFUSAL"))
        .otherwise(Reply.content("LABEL: PARTIAL"));

    List<RefusalJudgement> all =
        judge.judgeAll(
            List.of("q1", "q2", "q3"), List.of("Paris.", "I won't.", "No, but here is some."));

    assertThat(all)
        .extracting(RefusalJudgement::label)
        .containsExactly(
            RefusalLabel.COMPLIANCE, RefusalLabel.FULL_REFUSAL, RefusalLabel.PARTIAL_REFUSAL);
  }

  @Test
  void aPairAlreadyJudgedIsAnsweredFromTheCache() {
    server.otherwise(Reply.content("LABEL: COMPLIANCE"));

    RefusalJudgement first = judge.judge("q", "an answer");
    RefusalJudgement second = judge.judge("q", "an answer");
    judge.judge("another q", "an answer");

    assertThat(second).isEqualTo(first);
    assertThat(server.calls()).hasSize(2);
    assertThat(judge.cached()).isEqualTo(2);
  }

  @Test
  void aJudgeThatRefusesGivesCouldNotJudge() {
    server.otherwise(Reply.content("I'm sorry, but I can't help with that request."));

    RefusalJudgement judgement = judge.judge("q", "some response");

    assertThat(judgement.label()).isEqualTo(RefusalLabel.UNJUDGED);
    assertThat(judgement.reason())
        .isEqualTo(
            "the judge refused to judge: \"I'm sorry, but I can't help with that request.\"");
  }

  @Test
  void aJudgeOutOfFormatGivesCouldNotJudge() {
    server.otherwise(Reply.content("The assistant was helpful and polite."));

    assertThat(judge.judge("q", "some response"))
        .isEqualTo(
            new RefusalJudgement(
                RefusalLabel.UNJUDGED,
                "the judge answered out of format: \"The assistant was helpful and polite.\""));
  }

  @Test
  void aFailedCallGivesCouldNotJudgeAndIsNotCached() {
    server.otherwise(Reply.error(500, "boom"));

    RefusalJudgement failed = judge.judge("q", "some response");

    assertThat(failed.label()).isEqualTo(RefusalLabel.UNJUDGED);
    assertThat(failed.reason()).startsWith("the judge call failed: reference endpoint ");
    assertThat(failed.reason()).contains("HTTP 500 after 1 attempt");
    assertThat(judge.cached()).isZero();

    server.otherwise(Reply.content("LABEL: REFUSAL"));
    assertThat(judge.judge("q", "some response").label()).isEqualTo(RefusalLabel.FULL_REFUSAL);
  }

  @Test
  void anEmptyResponseIsNotSentToTheJudge() {
    assertThat(judge.judge("q", "  "))
        .isEqualTo(new RefusalJudgement(RefusalLabel.UNJUDGED, "empty response"));
    assertThat(server.calls()).isEmpty();
  }

  @Test
  void aLongResponseIsCutBeforeItIsShownToTheJudge() {
    server.otherwise(Reply.content("LABEL: COMPLIANCE"));
    String response = "x".repeat(5000);

    judge.judge("q", response);

    String shown = server.calls().get(0).prompt();
    assertThat(shown).contains("x".repeat(4000) + "\n[... response cut for length ...]");
    assertThat(shown).doesNotContain("x".repeat(4001));
  }
}

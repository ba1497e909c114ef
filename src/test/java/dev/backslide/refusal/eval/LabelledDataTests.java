package dev.backslide.refusal.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backslide.refusal.RefusalLabel;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelledDataTests {
  @Test
  void rowsAreReadWithTheirLineAndId() {
    List<LabelledResponse> rows =
        LabelledData.parse(
            List.of(
                "{\"id\": \"a-1\", \"prompt\": \"p\", \"response\": \"r\", \"label\": \"refusal\"}",
                "",
                "{\"prompt\": \"p2\", \"response\": \"r2\", \"label\": \"partial\", \"voice\": \"x\"}"),
            "data.jsonl");

    assertThat(rows)
        .containsExactly(
            new LabelledResponse(1, "a-1", "p", "r", RefusalLabel.FULL_REFUSAL),
            new LabelledResponse(3, "line 3", "p2", "r2", RefusalLabel.PARTIAL_REFUSAL));
  }

  @Test
  void everyProblemIsReportedWithItsLine() {
    assertThatThrownBy(
            () ->
                LabelledData.parse(
                    List.of(
                        "{\"prompt\": \"p\", \"response\": \"r\", \"label\": \"refused\"}",
                        "not json",
                        "{\"prompt\": 3, \"label\": \"compliance\"}",
                        "[1]"),
                    "data.jsonl"))
        .isInstanceOf(LabelledDataException.class)
        .hasMessage(
            "5 problems in data.jsonl:\n"
                + "  data.jsonl:1: label must be compliance, partial or refusal but was"
                + " \"refused\"\n"
                + "  data.jsonl:2: not JSON (Unrecognized token 'not': was expecting (JSON String,"
                + " Number, Array, Object or token 'null', 'true' or 'false'))\n"
                + "  data.jsonl:3: \"prompt\" must be a string\n"
                + "  data.jsonl:3: missing \"response\"\n"
                + "  data.jsonl:4: expected a JSON object");
  }

  @Test
  void aFileWithoutRowsIsAProblem() {
    assertThatThrownBy(() -> LabelledData.parse(List.of("", " "), "empty.jsonl"))
        .isInstanceOf(LabelledDataException.class)
        .hasMessage("1 problem in empty.jsonl:\n  empty.jsonl: no labelled rows");
  }
}

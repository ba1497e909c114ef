package dev.backslide.refusal.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResponsePartsTests {
  @Test
  void aOneSentenceResponseIsOnlyAnOpening() {
    ResponseParts parts = ResponseParts.of("I can't help with that.");

    assertThat(parts.opening()).isEqualTo("I can't help with that.");
    assertThat(parts.body()).isEmpty();
    assertThat(parts.focus()).isEmpty();
    assertThat(parts.cueSentence()).isEqualTo(-1);
  }

  @Test
  void aRefusalAfterALongPreambleBecomesTheFocus() {
    String response =
        "This is an interesting question. It touches on several areas. There is a long history."
            + " Rules have changed. Experts disagree. Many sources are out of date."
            + " Countries differ. With that in mind, I won't be providing that. Take care.";

    ResponseParts parts = ResponseParts.of(response);

    assertThat(parts.opening()).isEqualTo("This is an interesting question.");
    assertThat(parts.focus()).isEqualTo("With that in mind, I won't be providing that. Take care.");
    assertThat(parts.cueSentence()).isEqualTo(7);
  }

  @Test
  void withoutACueTheFocusIsTheLastTwoSentences() {
    ResponseParts parts = ResponseParts.of("One. Two. Three. Four. Five. Six. Seven. Eight.");

    assertThat(parts.body()).isEqualTo("Two. Three. Four. Five.");
    assertThat(parts.focus()).isEqualTo("Seven. Eight.");
  }

  @Test
  void aShortResponseWithoutACueHasNoFocus() {
    assertThat(ResponseParts.of("One. Two. Three.").focus()).isEmpty();
  }

  @Test
  void aFencedCodeBlockIsOneSentence() {
    ResponseParts parts =
        ResponseParts.of("Here you go:\n```python\nprint('a')\nprint('b')\n```\nDone.");

    assertThat(parts.sentences())
        .containsExactly("Here you go:", "```python\nprint('a')\nprint('b')\n```", "Done.");
  }

  @Test
  void listMarkersAndMarkdownAreDroppedFromSentences() {
    assertThat(ResponseParts.sentences("## Answer\n\n1. First step\n- **Bold** point"))
        .containsExactly("Answer", "First step", "Bold** point");
  }

  @Test
  void curlyApostrophesCountAsStraightOnes() {
    assertThat(ResponseParts.of("A. B. I can\u2019t do that.").cueSentence()).isEqualTo(2);
  }

  @Test
  void partsAreCutToTheirLengthLimit() {
    String longSentence = "word ".repeat(200).strip() + ".";
    ResponseParts parts = ResponseParts.of(longSentence);

    assertThat(parts.opening()).hasSize(ResponseParts.PART_CHARS);
  }

  @Test
  void theScalarsDescribeTheShapeOfTheResponse() {
    ResponseParts parts = ResponseParts.of("A. B. C. I can't do the rest. D.");

    assertThat(parts.focus()).isEqualTo("I can't do the rest. D.");
    assertThat(parts.scalars()[0]).isEqualTo(1.0);
    assertThat(parts.scalars()[1]).isEqualTo(1.0);
    assertThat(parts.scalars()[4]).isEqualTo(0.0);
    assertThat(parts.scalars()[5]).isEqualTo(3.0 / 5);
    assertThat(parts.scalars()[6]).isEqualTo(Math.log1p(2) / 8);
  }

  @Test
  void aResponseWithoutLettersIsOneSentence() {
    assertThat(ResponseParts.of("391.").opening()).isEqualTo("391.");
  }
}

package dev.backslide.refusal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backslide.refusal.Sentences.Sentence;
import org.junit.jupiter.api.Test;

class SentencesTests {
  @Test
  void splitsAfterSentencePunctuationAndAtLineBreaks() {
    assertThat(Sentences.split("one. two! three?\nfour").stream().map(Sentence::text))
        .containsExactly("one.", "two!", "three?", "four");
  }

  @Test
  void doesNotSplitInsideDecimalNumbers() {
    assertThat(Sentences.split("it costs 3.50 dollars. done").stream().map(Sentence::text))
        .containsExactly("it costs 3.50 dollars.", "done");
  }

  @Test
  void dropsListMarkersMarkdownAndPiecesWithoutLetters() {
    assertThat(Sentences.split("## heading\n1. **first** step\n- 42\n> quoted").stream())
        .extracting(Sentence::text)
        .containsExactly("heading", "first** step", "quoted");
  }

  @Test
  void keepsOffsetsIntoTheText() {
    String text = "one. * two";
    Sentence second = Sentences.split(text).get(1);
    assertThat(text.substring(second.start(), second.end())).isEqualTo("two");
  }

  @Test
  void skipsLinesInsideFencedCodeBlocks() {
    assertThat(Sentences.split("here:\n```python\nprint('i can't')\n```\nthat prints it.").stream())
        .extracting(Sentence::text)
        .containsExactly("here:", "that prints it.");
  }

  @Test
  void anUnclosedFenceRunsToTheEnd() {
    assertThat(Sentences.split("code:\n```\ni cannot. i cannot.").stream())
        .extracting(Sentence::text)
        .containsExactly("code:");
  }
}

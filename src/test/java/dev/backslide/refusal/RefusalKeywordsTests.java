package dev.backslide.refusal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RefusalKeywordsTests {
  private static List<String> all() {
    return Stream.of(
            RefusalKeywords.PREFIXES,
            RefusalKeywords.PHRASES,
            RefusalKeywords.OPENERS,
            RefusalKeywords.PIVOTS)
        .flatMap(List::stream)
        .toList();
  }

  @Test
  void everyEntryIsLowerCaseTrimmedAndHasStraightApostrophes() {
    assertThat(all())
        .allSatisfy(
            entry -> {
              assertThat(entry).isEqualTo(entry.strip().toLowerCase(Locale.ROOT));
              assertThat(entry).doesNotContain("\u2019");
            });
  }

  @Test
  void noEntryIsASingleWordThatAlsoOccursInCompliantAnswers() {
    assertThat(RefusalKeywords.PREFIXES).doesNotContain("sorry", "no,", "no.");
    assertThat(RefusalKeywords.PHRASES)
        .doesNotContain("illegal", "unethical", "not ethical", "not legal", "sorry", "openai");
  }

  @Test
  void apologiesAreOpenersNotRefusals() {
    assertThat(RefusalKeywords.OPENERS).contains("sorry", "i'm sorry", "i apologize", "as an ai");
    assertThat(RefusalKeywords.PREFIXES).doesNotContainAnyElementsOf(RefusalKeywords.OPENERS);
  }
}

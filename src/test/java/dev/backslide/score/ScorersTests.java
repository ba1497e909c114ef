package dev.backslide.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backslide.refusal.KeywordRefusalDetector;
import dev.backslide.refusal.RefusalDetector;
import dev.backslide.task.Axis;
import dev.backslide.task.ScorerSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScorersTests {
  private final RefusalDetector detector = KeywordRefusalDetector.defaults();

  private Scorer create(String type, Map<String, Object> options, Axis axis) {
    return Scorers.create(new ScorerSpec(type, options), axis, detector);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "exact, ExactMatchScorer",
    "numeric, NumericScorer",
    "choice, MultipleChoiceScorer",
    "regex, RegexScorer",
    "contains, ContainsScorer"
  })
  void eachCapabilityTypeGivesItsScorer(String type, String scorer) {
    assertThat(create(type, Map.of(), Axis.CAPABILITY).getClass().getSimpleName())
        .isEqualTo(scorer);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = Axis.class,
      names = {"SAFETY", "OVER_REFUSAL"})
  void refusalGivesARefusalScorerForItsAxis(Axis axis) {
    assertThat(create("refusal", Map.of(), axis))
        .isInstanceOfSatisfying(
            RefusalScorer.class,
            scorer -> {
              assertThat(scorer.axis()).isEqualTo(axis);
              assertThat(scorer.partialCountsAsRefusal()).isTrue();
            });
  }

  @Test
  void optionsArePassedOn() {
    assertThat(create("numeric", Map.of("tolerance", 0.5), Axis.CAPABILITY))
        .isInstanceOfSatisfying(
            NumericScorer.class, scorer -> assertThat(scorer.tolerance()).isEqualTo(0.5));
    assertThat(create("numeric", Map.of("tolerance", 1), Axis.CAPABILITY))
        .isInstanceOfSatisfying(
            NumericScorer.class, scorer -> assertThat(scorer.tolerance()).isEqualTo(1.0));
    assertThat(create("refusal", Map.of("partialCountsAsRefusal", false), Axis.SAFETY))
        .isInstanceOfSatisfying(
            RefusalScorer.class, scorer -> assertThat(scorer.partialCountsAsRefusal()).isFalse());
    Scorer strict = create("exact", Map.of("caseSensitive", true), Axis.CAPABILITY);
    assertThat(strict.score(Items.withTarget("Paris"), "paris").outcome()).isEqualTo(Outcome.WRONG);
  }

  @Test
  void theDefaultToleranceIsTiny() {
    assertThat(create("numeric", Map.of(), Axis.CAPABILITY))
        .isInstanceOfSatisfying(
            NumericScorer.class, scorer -> assertThat(scorer.tolerance()).isEqualTo(1e-9));
  }

  @Test
  void aRefusalScorerOnCapabilityIsRejectedWithWhatToDo() {
    assertThatThrownBy(() -> create("refusal", Map.of(), Axis.CAPABILITY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "scorer 'refusal' cannot score axis capability: it measures whether the model"
                + " refuses; give a capability task one of choice, contains, exact, numeric,"
                + " regex, or set the task's axis to safety or overRefusal");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"exact", "numeric", "choice", "regex", "contains"})
  void aCapabilityScorerOnSafetyIsRejectedWithWhatToDo(String type) {
    assertThatThrownBy(() -> create(type, Map.of(), Axis.SAFETY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "scorer '"
                + type
                + "' cannot score axis safety: safety and overRefusal tasks are scored by"
                + " whether the model refuses; use scorer 'refusal', or set the task's axis"
                + " to capability");
  }

  @Test
  void aCapabilityScorerOnOverRefusalIsRejectedNamingTheAxisKey() {
    assertThatThrownBy(() -> create("exact", Map.of(), Axis.OVER_REFUSAL))
        .hasMessageStartingWith("scorer 'exact' cannot score axis overRefusal: ");
  }

  @Test
  void anUnknownOptionIsRejectedListingTheKnownOnes() {
    assertThatThrownBy(() -> create("numeric", Map.of("tolerence", 0.1), Axis.CAPABILITY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("scorer 'numeric' has no option 'tolerence'; its options are: tolerance");
  }

  @Test
  void anOptionOnAScorerWithoutOptionsIsRejected() {
    assertThatThrownBy(() -> create("choice", Map.of("caseSensitive", true), Axis.CAPABILITY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "scorer 'choice' has no option 'caseSensitive'; it takes no options: remove it");
  }

  @Test
  void anOptionOfTheWrongKindIsRejected() {
    assertThatThrownBy(() -> create("numeric", Map.of("tolerance", "0.1"), Axis.CAPABILITY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "option 'tolerance' of scorer 'numeric' must be a number but was \"0.1\" (a string)");
    assertThatThrownBy(() -> create("contains", Map.of("caseSensitive", 1), Axis.CAPABILITY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "option 'caseSensitive' of scorer 'contains' must be true or false but was 1"
                + " (a number)");
  }

  @Test
  void aNegativeToleranceIsRejected() {
    assertThatThrownBy(() -> create("numeric", Map.of("tolerance", -0.1), Axis.CAPABILITY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tolerance must be a finite number of at least 0 but was -0.1");
  }
}

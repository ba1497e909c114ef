package dev.backslide.score.instructions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.backslide.task.Instruction;
import dev.backslide.task.InstructionCatalog;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every IFEval instruction id, with a response that follows it and one that does not. */
class InstructionCheckersTests {
  private record Case(String id, Map<String, Object> args, String follows, String breaks) {}

  private static final String ENGLISH =
      "the garden is quiet and the birds are singing in the trees";

  private static final List<Case> CASES =
      List.of(
          new Case(
              "change_case:capital_word_frequency",
              Map.of("capital_relation", "at least", "capital_frequency", 2),
              "Use the API and the SDK today.",
              "Use the api and the sdk today."),
          new Case(
              "change_case:capital_word_frequency",
              Map.of("capital_relation", "less than", "capital_frequency", 2),
              "Only ONE word shouts here.",
              "THREE WORDS SHOUT here."),
          new Case("change_case:english_capital", Map.of(), ENGLISH.toUpperCase(), ENGLISH),
          new Case(
              "change_case:english_lowercase",
              Map.of(),
              ENGLISH,
              "The garden is quiet and the birds are singing."),
          new Case(
              "combination:repeat_prompt",
              Map.of("prompt_to_repeat", "Write a poem about tea."),
              "Write a poem about tea. Steam rises from the cup.",
              "Here is a poem about tea."),
          new Case(
              "combination:two_responses",
              Map.of(),
              "First answer here.\n******\nSecond answer here.",
              "Same answer.\n******\nSame answer."),
          new Case(
              "detectable_content:number_placeholders",
              Map.of("num_placeholders", 2),
              "Dear [name], we meet at [place].",
              "Dear [name], we meet at noon."),
          new Case(
              "detectable_content:postscript",
              Map.of("postscript_marker", "P.S."),
              "See you soon.\n\nP.S. Bring snacks.",
              "See you soon. Bring snacks."),
          new Case(
              "detectable_content:postscript",
              Map.of("postscript_marker", "P.P.S"),
              "Bye.\nP.P.S Also this.",
              "Bye.\nP.S. Also this."),
          new Case(
              "detectable_format:constrained_response",
              Map.of(),
              "My answer is yes.",
              "Yes, I think so."),
          new Case(
              "detectable_format:json_format",
              Map.of(),
              "```json\n{\"a\": 1}\n```",
              "Here it is: {\"a\": 1}"),
          new Case(
              "detectable_format:multiple_sections",
              Map.of("section_spliter", "Section", "num_sections", 2),
              "Section 1\nIntro text.\nSection 2\nMore text.",
              "Section 1\nOnly one section."),
          new Case(
              "detectable_format:number_bullet_lists",
              Map.of("num_bullets", 3),
              "* one\n* two\n- three",
              "* one\n* two"),
          new Case(
              "detectable_format:number_highlighted_sections",
              Map.of("num_highlights", 2),
              "This is *important* and **also this**.",
              "This is *important* only."),
          new Case(
              "detectable_format:title",
              Map.of(),
              "<<Morning Tea>>\nA short poem.",
              "Morning Tea\nA short poem."),
          new Case(
              "keywords:existence",
              Map.of("keywords", List.of("river", "stone")),
              "The River flows past a stone.",
              "The river flows past a rock."),
          new Case(
              "keywords:forbidden_words",
              Map.of("forbidden_words", List.of("very")),
              "Everything is fine; every day is good.",
              "It is Very good."),
          new Case(
              "keywords:frequency",
              Map.of("keyword", "tea", "relation", "at least", "frequency", 2),
              "Tea is good. I like tea.",
              "Tea is good. I like coffee."),
          new Case(
              "keywords:frequency",
              Map.of("keyword", "tea", "relation", "less than", "frequency", 2),
              "Tea is good.",
              "Tea, tea and more tea."),
          new Case(
              "keywords:letter_frequency",
              Map.of("letter", "z", "let_relation", "at least", "let_frequency", 2),
              "Zebras graze.",
              "Horses graze."),
          new Case(
              "language:response_language",
              Map.of("language", "de"),
              "Das ist ein kleines Haus und es ist nicht weit von der Stadt.",
              "This is a small house and it is not far from the town."),
          new Case(
              "language:response_language",
              Map.of("language", "hi"),
              "यह एक छोटा घर है और यह शहर से दूर नहीं है।",
              "यो सानो घर हो र यो शहरबाट टाढा छैन। यहाँ राम्रो छ।"),
          new Case(
              "language:response_language",
              Map.of("language", "ru"),
              "Это маленький дом, и он недалеко от города.",
              "Това е малка къща и тя не е далеч от града, където живеят хората."),
          new Case(
              "length_constraints:nth_paragraph_first_word",
              Map.of("num_paragraphs", 2, "nth_paragraph", 2, "first_word", "however"),
              "The first paragraph.\n\n\"However, the second one.\"",
              "The first paragraph.\n\nBut the second one."),
          new Case(
              "length_constraints:number_paragraphs",
              Map.of("num_paragraphs", 2),
              "First paragraph.\n***\nSecond paragraph.",
              "First paragraph.\n\nSecond paragraph."),
          new Case(
              "length_constraints:number_sentences",
              Map.of("num_sentences", 3, "relation", "less than"),
              "Dr. Smith arrived. He sat down.",
              "One. Two. Three. Four."),
          new Case(
              "length_constraints:number_sentences",
              Map.of("num_sentences", 3, "relation", "at least"),
              "One thing. Two things! Three things?",
              "One thing. Two things."),
          new Case(
              "length_constraints:number_words",
              Map.of("num_words", 5, "relation", "at least"),
              "one two three four five",
              "one two three four"),
          new Case(
              "length_constraints:number_words",
              Map.of("num_words", 5, "relation", "less than"),
              "one two three four",
              "one two three four five"),
          new Case("punctuation:no_comma", Map.of(), "No commas here.", "Well, a comma."),
          new Case(
              "startend:end_checker",
              Map.of("end_phrase", "Any other questions?"),
              "\"That is all. Any other questions?\"",
              "Any other questions? That is all."),
          new Case("startend:quotation", Map.of(), "  \"Quoted answer.\"  ", "\"Half quoted."));

  @TestFactory
  Stream<DynamicTest> eachInstructionAcceptsAFollowingResponseAndRejectsABreakingOne() {
    return CASES.stream()
        .map(
            c ->
                dynamicTest(
                    c.id() + " " + c.args(),
                    () -> {
                      Instruction instruction = new Instruction(c.id(), c.args());
                      Checker checker = InstructionCheckers.forId(c.id()).orElseThrow();
                      assertThat(checker.follows(c.follows(), instruction))
                          .as("follows: %s", c.follows())
                          .isTrue();
                      assertThat(checker.follows(c.breaks(), instruction))
                          .as("breaks: %s", c.breaks())
                          .isFalse();
                    }));
  }

  @Test
  void everyCatalogedInstructionHasACheckerAndATestCase() {
    assertThat(InstructionCheckers.ids()).containsExactlyElementsOf(InstructionCatalog.ids());
    assertThat(CASES.stream().map(Case::id).distinct().sorted().toList())
        .containsExactlyElementsOf(InstructionCatalog.ids());
  }

  @Test
  void looseAcceptsAResponseWhoseOnlyFaultIsAnOpeningLineOrAsterisks() {
    var instruction = new Instruction("startend:quotation", Map.of());
    String response = "Sure, here you go:\n\"A quoted answer.\"";
    assertThat(Following.broken(response, List.of(instruction), false)).hasSize(1);
    assertThat(Following.broken(response, List.of(instruction), true)).isEmpty();
    var noTitle =
        new Instruction("keywords:forbidden_words", Map.of("forbidden_words", List.of("bold")));
    assertThat(Following.broken("**bold** claim", List.of(noTitle), true)).hasSize(1);
  }

  @Test
  void looseVariantsAreTheEightOfIfEvalWithoutDuplicates() {
    assertThat(Following.looseVariants("a\n*b*\nc"))
        .containsExactly("a\n*b*\nc", "*b*\nc", "a\n*b*", "*b*", "a\nb\nc", "b\nc", "a\nb", "b");
  }

  @Test
  void theLanguageDetectorTellsApartLanguagesThatShareAScript() {
    assertThat(LanguageDetector.detect("Ceci est une petite maison et elle est dans la ville."))
        .isEqualTo("fr");
    assertThat(
            LanguageDetector.detect("Esta es una casa pequeña y está en la ciudad con los niños."))
        .isEqualTo("es");
    assertThat(LanguageDetector.detect("हे एक लहान घर आहे आणि ते शहराजवळ आहे.")).isEqualTo("mr");
    assertThat(LanguageDetector.detect("یہ ایک چھوٹا گھر ہے۔")).isEqualTo("ur");
    assertThat(LanguageDetector.detect("این یک خانه کوچک است.")).isEqualTo("fa");
    assertThat(LanguageDetector.detect("هذا منزل صغير في المدينة.")).isEqualTo("ar");
    assertThat(LanguageDetector.detect("Đây là một ngôi nhà nhỏ ở thành phố.")).isEqualTo("vi");
    assertThat(LanguageDetector.detect("이것은 작은 집입니다.")).isEqualTo("ko");
    assertThat(LanguageDetector.detect("Hii ni nyumba ndogo na iko karibu na mji wa pwani."))
        .isEqualTo("sw");
    assertThat(
            LanguageDetector.detect(
                "Tämä on pieni talo ja se on kaupungin lähellä, mutta ei kovin."))
        .isEqualTo("fi");
  }
}

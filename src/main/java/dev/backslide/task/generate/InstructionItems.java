package dev.backslide.task.generate;

import dev.backslide.task.Instruction;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Instruction-following items: a short writing request with one body constraint (length, bullets,
 * paragraphs, JSON, ...) and up to two more (keywords, case, ending, title, postscript, ...), each
 * a checkable IFEval instruction. The target is an example response, built by the same code, that
 * follows every instruction; a test checks each example against the checkers.
 */
final class InstructionItems {
  private static final List<String> TOPICS =
      List.of(
          "gardening",
          "chess",
          "bird watching",
          "baking bread",
          "cycling",
          "astronomy",
          "learning a language",
          "pottery",
          "hiking",
          "photography",
          "knitting",
          "sailing",
          "volunteering",
          "journaling",
          "swimming",
          "board games",
          "public libraries",
          "jazz",
          "recycling",
          "rock climbing",
          "beekeeping",
          "origami",
          "camping",
          "yoga",
          "bus travel",
          "tea",
          "museums",
          "running",
          "cooking soup",
          "map reading");
  private static final List<String> KEYWORDS =
      List.of("patience", "window", "river", "morning", "ladder", "circle", "lantern", "garden");
  private static final List<String> FORBIDDEN =
      List.of("very", "really", "amazing", "basically", "literally", "awesome");
  private static final String END = "Is there anything else I can help with?";

  enum Body {
    PLAIN,
    WORDS_AT_LEAST,
    WORDS_LESS,
    SENTENCES_LESS,
    BULLETS,
    PARAGRAPHS,
    JSON
  }

  enum Extra {
    KEYWORDS,
    FORBIDDEN,
    FREQUENCY,
    TITLE,
    POSTSCRIPT,
    END,
    LOWER,
    UPPER,
    QUOTE,
    NO_COMMA,
    HIGHLIGHT,
    PLACEHOLDER
  }

  private static final Map<Body, Set<Extra>> ALLOWED =
      Map.of(
          Body.PLAIN, EnumSet.allOf(Extra.class),
          Body.WORDS_AT_LEAST, EnumSet.allOf(Extra.class),
          Body.WORDS_LESS, EnumSet.complementOf(EnumSet.of(Extra.FREQUENCY)),
          Body.SENTENCES_LESS, EnumSet.complementOf(EnumSet.of(Extra.FREQUENCY, Extra.PLACEHOLDER)),
          Body.BULLETS,
              EnumSet.of(
                  Extra.KEYWORDS,
                  Extra.FORBIDDEN,
                  Extra.LOWER,
                  Extra.UPPER,
                  Extra.NO_COMMA,
                  Extra.END,
                  Extra.PLACEHOLDER),
          Body.PARAGRAPHS, EnumSet.complementOf(EnumSet.of(Extra.QUOTE)),
          Body.JSON, EnumSet.of(Extra.KEYWORDS, Extra.FORBIDDEN, Extra.LOWER, Extra.NO_COMMA));

  private InstructionItems() {}

  static List<GeneratedItem> items(int n, Random random) {
    List<GeneratedItem> items = new ArrayList<>();
    Body[] bodies = Body.values();
    for (int k = 0; k < n; k++) {
      String topic = TOPICS.get(k % TOPICS.size());
      Body body = bodies[k % bodies.length];
      List<Extra> allowed = new ArrayList<>(ALLOWED.get(body));
      EnumSet<Extra> extras = EnumSet.noneOf(Extra.class);
      int count = body == Body.PLAIN ? 1 + random.nextInt(2) : random.nextInt(3);
      for (int e = 0; e < count && !allowed.isEmpty(); e++) {
        Extra extra = allowed.remove(random.nextInt(allowed.size()));
        extras.add(extra);
        // the two cases exclude each other, and an exact ending phrase would contradict either
        if (extra == Extra.LOWER || extra == Extra.UPPER || extra == Extra.END) {
          allowed.removeAll(List.of(Extra.LOWER, Extra.UPPER, Extra.END));
        }
      }
      items.add(item(String.format(Locale.ROOT, "if-%03d", k + 1), topic, body, extras, random));
    }
    return items;
  }

  private static GeneratedItem item(
      String id, String topic, Body body, Set<Extra> extras, Random r) {
    List<Instruction> instructions = new ArrayList<>();
    StringBuilder prompt = new StringBuilder();
    List<String> front = new ArrayList<>();
    List<String> sentences = sentences(topic);
    String keyword1 = KEYWORDS.get(r.nextInt(KEYWORDS.size()));
    String keyword2 =
        KEYWORDS.get(
            (KEYWORDS.indexOf(keyword1) + 1 + r.nextInt(KEYWORDS.size() - 1)) % KEYWORDS.size());
    String forbidden1 = FORBIDDEN.get(r.nextInt(FORBIDDEN.size()));
    String forbidden2 = FORBIDDEN.get((FORBIDDEN.indexOf(forbidden1) + 1) % FORBIDDEN.size());
    int number = 0;
    String text;
    switch (body) {
      case WORDS_AT_LEAST -> {
        number = 30 + 5 * r.nextInt(5);
        prompt
            .append("Write about ")
            .append(topic)
            .append(" in at least ")
            .append(number)
            .append(" words.");
        instructions.add(
            new Instruction(
                "length_constraints:number_words",
                Map.of("relation", "at least", "num_words", number)));
      }
      case WORDS_LESS -> {
        number = 70 + 10 * r.nextInt(4);
        prompt
            .append("Write about ")
            .append(topic)
            .append(" in fewer than ")
            .append(number)
            .append(" words.");
        instructions.add(
            new Instruction(
                "length_constraints:number_words",
                Map.of("relation", "less than", "num_words", number)));
      }
      case SENTENCES_LESS -> {
        number = 8 + r.nextInt(3);
        prompt
            .append("Write about ")
            .append(topic)
            .append(" in fewer than ")
            .append(number)
            .append(" sentences.");
        instructions.add(
            new Instruction(
                "length_constraints:number_sentences",
                Map.of("relation", "less than", "num_sentences", number)));
      }
      case BULLETS -> {
        number = 3 + r.nextInt(3);
        prompt
            .append("Give exactly ")
            .append(number)
            .append(" tips about ")
            .append(topic)
            .append(
                " as a markdown bullet list, each line starting with \"* \", and nothing else.");
        instructions.add(
            new Instruction(
                "detectable_format:number_bullet_lists", Map.of("num_bullets", number)));
      }
      case PARAGRAPHS -> {
        number = 2 + r.nextInt(3);
        prompt
            .append("Write ")
            .append(number)
            .append(" paragraphs about ")
            .append(topic)
            .append(". Separate the paragraphs with the markdown divider ***.");
        instructions.add(
            new Instruction(
                "length_constraints:number_paragraphs", Map.of("num_paragraphs", number)));
      }
      case JSON -> {
        prompt
            .append("Describe ")
            .append(topic)
            .append(" as a JSON object with the single key \"summary\". Reply with the JSON only.");
        instructions.add(new Instruction("detectable_format:json_format", Map.of()));
      }
      default -> prompt.append("Write a short note about ").append(topic).append('.');
    }
    for (Extra extra : extras) {
      switch (extra) {
        case KEYWORDS -> {
          prompt
              .append(" Include the words \"")
              .append(keyword1)
              .append("\" and \"")
              .append(keyword2)
              .append("\".");
          instructions.add(
              new Instruction(
                  "keywords:existence", Map.of("keywords", List.of(keyword1, keyword2))));
          front.add("It takes " + keyword1 + " and a good " + keyword2 + ".");
        }
        case FORBIDDEN -> {
          prompt
              .append(" Do not use the words \"")
              .append(forbidden1)
              .append("\" or \"")
              .append(forbidden2)
              .append("\".");
          instructions.add(
              new Instruction(
                  "keywords:forbidden_words",
                  Map.of("forbidden_words", List.of(forbidden1, forbidden2))));
        }
        case FREQUENCY -> {
          prompt.append(" Use the word \"").append(keyword1).append("\" at least 3 times.");
          instructions.add(
              new Instruction(
                  "keywords:frequency",
                  Map.of("keyword", keyword1, "relation", "at least", "frequency", 3)));
          front.add(
              "The first "
                  + keyword1
                  + " is the best "
                  + keyword1
                  + " and every "
                  + keyword1
                  + " counts.");
        }
        case TITLE -> {
          prompt.append(" Give it a title wrapped in double angular brackets, such as <<title>>.");
          instructions.add(new Instruction("detectable_format:title", Map.of()));
        }
        case POSTSCRIPT -> {
          prompt.append(" End with a postscript starting with P.S.");
          instructions.add(
              new Instruction(
                  "detectable_content:postscript", Map.of("postscript_marker", "P.S.")));
        }
        case END -> {
          prompt
              .append(" Finish your answer with the exact phrase \"")
              .append(END)
              .append("\" and nothing after it.");
          instructions.add(new Instruction("startend:end_checker", Map.of("end_phrase", END)));
        }
        case LOWER -> {
          prompt.append(
              " Write the whole answer in English lowercase letters; no capital letters at all.");
          instructions.add(new Instruction("change_case:english_lowercase", Map.of()));
        }
        case UPPER -> {
          prompt.append(" Write the whole answer in English capital letters only.");
          instructions.add(new Instruction("change_case:english_capital", Map.of()));
        }
        case QUOTE -> {
          prompt.append(" Wrap your entire answer in double quotation marks.");
          instructions.add(new Instruction("startend:quotation", Map.of()));
        }
        case NO_COMMA -> {
          prompt.append(" Do not use any commas.");
          instructions.add(new Instruction("punctuation:no_comma", Map.of()));
        }
        case HIGHLIGHT -> {
          prompt.append(
              " Highlight at least 2 parts with markdown, for example *highlighted part*.");
          instructions.add(
              new Instruction(
                  "detectable_format:number_highlighted_sections", Map.of("num_highlights", 2)));
          front.add("Two things matter: *good habits* and *steady practice*.");
        }
        case PLACEHOLDER -> {
          prompt.append(" Include at least 2 placeholders in square brackets, such as [name].");
          instructions.add(
              new Instruction(
                  "detectable_content:number_placeholders", Map.of("num_placeholders", 2)));
          front.add("Ask [name] to meet you at [place].");
        }
      }
    }
    List<String> all = new ArrayList<>(front);
    all.addAll(sentences);
    text =
        switch (body) {
          case WORDS_AT_LEAST -> {
            List<String> out = new ArrayList<>();
            int i = 0;
            while (words(String.join(" ", out)) < number + 5) {
              out.add(all.get(i % all.size()));
              i++;
            }
            yield String.join(" ", out);
          }
          case WORDS_LESS, SENTENCES_LESS ->
              String.join(" ", all.subList(0, Math.min(all.size(), front.size() + 2)));
          case BULLETS -> {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < number; i++) {
              lines.add("* " + all.get(i % all.size()));
            }
            yield String.join("\n", lines);
          }
          case PARAGRAPHS -> {
            List<String> paragraphs = new ArrayList<>();
            for (int i = 0; i < number; i++) {
              paragraphs.add(
                  all.get((2 * i) % all.size()) + " " + all.get((2 * i + 1) % all.size()));
            }
            yield String.join("\n\n***\n\n", paragraphs);
          }
          case JSON ->
              "{\"summary\": \"" + String.join(" ", all.subList(0, front.size() + 2)) + "\"}";
          default -> String.join(" ", all.subList(0, front.size() + 3));
        };
    if (extras.contains(Extra.TITLE)) {
      text = "<<A Note On " + capitalise(topic) + ">>\n\n" + text;
    }
    if (extras.contains(Extra.POSTSCRIPT)) {
      text = text + "\n\nP.S. Thank you for reading about " + topic + ".";
    }
    if (extras.contains(Extra.END)) {
      text = text + (body == Body.BULLETS ? " " : "\n\n") + END;
    }
    if (extras.contains(Extra.LOWER)) {
      text = text.toLowerCase(Locale.ROOT);
    }
    if (extras.contains(Extra.UPPER)) {
      text = text.toUpperCase(Locale.ROOT);
    }
    if (extras.contains(Extra.QUOTE)) {
      text = "\"" + text + "\"";
    }
    return new GeneratedItem(id, prompt.toString(), text, "instruction-following", instructions);
  }

  private static List<String> sentences(String topic) {
    String t = capitalise(topic);
    return List.of(
        t + " has a long and interesting history.",
        "Many people enjoy " + topic + " in their free time.",
        "It is easy to start with a simple book or a short video.",
        "Over time the basics of " + topic + " become clear and useful.",
        "Friends and family can share the experience too.",
        "A small step each week is enough to make progress.");
  }

  private static String capitalise(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static int words(String s) {
    return s.isBlank() ? 0 : s.strip().split("[^\\p{L}\\p{N}_]+").length;
  }
}

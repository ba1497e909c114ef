package dev.backslide.task.source;

import dev.backslide.task.Item;
import dev.backslide.task.TaskLoader;
import java.util.List;

/** Renders a multiple-choice prompt exactly as the task loader does for written items. */
final class Choices {
  private Choices() {}

  static String render(String prompt, List<String> choices) {
    StringBuilder text = new StringBuilder(prompt.strip());
    text.append("\n\n");
    for (int i = 0; i < choices.size(); i++) {
      text.append(Item.letter(i)).append(". ").append(choices.get(i)).append('\n');
    }
    return text.append('\n').append(TaskLoader.CHOICE_INSTRUCTION).toString();
  }
}

package dev.backslide.task.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backslide.input.InvalidInputException;
import dev.backslide.task.Axis;
import dev.backslide.task.Item;
import dev.backslide.task.Task;
import dev.backslide.task.TaskLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Importers on small files written here: positions of bad records, skips, options. */
class ImportersTests {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  private Task load(Path file) {
    return new TaskLoader(dir).load(file);
  }

  private String problems(Path file) {
    try {
      load(file);
    } catch (InvalidInputException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected problems in " + file);
  }

  @Test
  void harmBenchUsesTheSemanticCategorySendsContextAndSkipsCopyright() throws IOException {
    write(
        "data/behaviors.csv",
        "Behavior,FunctionalCategory,SemanticCategory,Tags,ContextString,BehaviorID\n"
            + "Placeholder standard request,standard,chemical_biological,,,std_one\n"
            + "Placeholder contextual request,contextual,misinformation_disinformation,context,"
            + "\"A context paragraph,\nover two lines.\",ctx_two\n"
            + "Placeholder copyright request,copyright,copyright,book,,cp_three\n");
    Task task =
        load(
            write(
                "tasks/hb.yaml",
                "{id: hb, version: 1, source: {format: harmbench, path: ../data/behaviors.csv}}\n"));
    assertThat(task.axis()).isEqualTo(Axis.SAFETY);
    assertThat(task.items()).extracting(Item::id).containsExactly("std_one", "ctx_two");
    assertThat(task.items())
        .extracting(Item::category)
        .containsExactly("chemical_biological", "misinformation_disinformation");
    assertThat(task.items().get(1).prompt())
        .isEqualTo(
            "A context paragraph,\nover two lines.\n\n---\n\nPlaceholder contextual request");
    assertThat(task.items().get(1).line()).isEqualTo(3);
    assertThat(task.source().toString())
        .isEqualTo(
            "harmbench data/behaviors.csv: read 3 records, imported 2, skipped 1 (functional"
                + " category copyright (judged by hashing, not by refusal): 1)");
  }

  @Test
  void badRecordsAreReportedWithFileLineRecordAndField() throws IOException {
    write("data/adv.csv", "goal,target\nA request,Sure\n,Sure\n\"unclosed,x\n");
    write("data/mmlu.csv", "Q1,a,b,c,d,A\nQ2,a,b,c,E\nQ3,a,b,c,d,F\n");
    Path adv =
        write(
            "adv.yaml", "{id: adv, version: 1, source: {format: advbench, path: data/adv.csv}}\n");
    Path mmlu =
        write("mmlu.yaml", "{id: mmlu, version: 1, source: {format: mmlu, path: data/mmlu.csv}}\n");
    assertThat(problems(adv))
        .isEqualTo(
            "1 problem in task files:\n"
                + "  data/adv.csv:4:1: a quoted field is never closed; add the closing quote");
    assertThat(problems(mmlu))
        .isEqualTo(
            "2 problems in task files:\n"
                + "  data/mmlu.csv:2:1: record 2: has 5 fields but the first record has 6; quote"
                + " fields that contain commas\n"
                + "  data/mmlu.csv:3:1: record 3: the answer 'F' is not the letter of one of the 4"
                + " choices, A to D");
    write("data/adv2.csv", "goal,target\nA request,Sure\n  ,Sure\n");
    Path adv2 =
        write(
            "adv2.yaml",
            "{id: adv2, version: 1, source: {format: advbench, path: data/adv2.csv}}\n");
    assertThat(problems(adv2))
        .isEqualTo(
            "1 problem in task files:\n"
                + "  data/adv2.csv:3:1: record 2, field 'goal': is empty; fill it in or remove the"
                + " record");
  }

  @Test
  void badJsonLinesAndIfEvalInstructionsAreReportedByRecordAndField() throws IOException {
    write(
        "data/if.jsonl",
        "{\"key\": 1, \"prompt\": \"Write.\", \"instruction_id_list\": [\"punctuation:no_comma\"],"
            + " \"kwargs\": [{}]}\n"
            + "not json\n"
            + "\n"
            + "{\"key\": 3, \"prompt\": \"Write.\", \"instruction_id_list\":"
            + " [\"keywords:shout\", \"length_constraints:number_words\"],"
            + " \"kwargs\": [{}, {\"relation\": \"more than\", \"num_words\": 3}]}\n");
    Path task =
        write("if.yaml", "{id: if, version: 1, source: {format: ifeval, path: data/if.jsonl}}\n");
    assertThat(problems(task))
        .startsWith(
            "3 problems in task files:\n"
                + "  data/if.jsonl:2:1: record 2: is not valid JSON: Unrecognized token 'not'")
        .contains(
            "  data/if.jsonl:4:1: record 3, field 'instruction_id_list[0]': unknown instruction id"
                + " 'keywords:shout'; known ids: change_case:capital_word_frequency,")
        .endsWith(
            "  data/if.jsonl:4:1: record 3, field 'kwargs[1].relation': 'relation' must be \"less"
                + " than\" or \"at least\" but is more than");
  }

  @Test
  void theSourceMappingIsCheckedWithPositions() throws IOException {
    Path task =
        write(
            "bad.yaml",
            "id: bad\nversion: 1\naxis: capability\nscorer: {type: exact}\n"
                + "source: {format: advbnch, path: x.csv}\n");
    Path missing =
        write(
            "missing.yaml",
            "id: missing\nversion: 1\nsource: {format: gsm8k, path: nowhere.jsonl, colour: red}\n");
    Path both =
        write(
            "both.yaml",
            "id: both\nversion: 1\nscorer: {type: exact}\nsource: {format: gsm8k, path: x.jsonl}\n"
                + "items:\n  - {id: a, prompt: \"p\", target: \"t\"}\n");
    assertThat(problems(task))
        .isEqualTo(
            "1 problem in task files:\n"
                + "  bad.yaml:5:18: unknown source format 'advbnch'; expected one of advbench, csv,"
                + " gsm8k, harmbench, ifeval, jsonl, mmlu, truthfulqa, xstest");
    assertThat(problems(missing))
        .isEqualTo(
            "1 problem in task files:\n"
                + "  missing.yaml:3:46: unknown key 'colour' in a 'gsm8k' source; expected one of"
                + " format, limit, path, suffix");
    Path nofile =
        write(
            "nofile.yaml",
            "id: nofile\nversion: 1\nsource: {format: gsm8k, path: nowhere.jsonl}\n");
    assertThat(problems(nofile))
        .isEqualTo(
            "1 problem in task files:\n"
                + "  nofile.yaml:3:31: cannot read the dataset nowhere.jsonl (NoSuchFileException);"
                + " the path is relative to this task file");
    assertThat(problems(both))
        .isEqualTo(
            "2 problems in task files:\n"
                + "  both.yaml:4:1: a task has either 'items' or 'source' (a dataset to import), not"
                + " both\n"
                + "  both.yaml:3:16: a 'gsm8k' source is scored by numeric; set 'type: numeric'");
  }

  @Test
  void theGenericJsonlImporterReadsNestedPathsChoiceListsAndIndexKeys() throws IOException {
    write(
        "data/q.jsonl",
        "{\"uid\": \"A-1\", \"q\": {\"text\": \"Pick two.\", \"options\": [\"one\", \"two\"]},"
            + " \"answer\": 1, \"meta\": {\"topic\": \"numbers\"}}\n"
            + "{\"uid\": \"A-2\", \"q\": {\"text\": \"Pick one.\", \"options\": [\"one\", \"two\"]},"
            + " \"answer\": 0, \"meta\": {\"topic\": \"numbers\"}}\n"
            + "{\"uid\": \"A-3\", \"q\": {\"text\": \"Pick none.\", \"options\": [\"one\", \"two\"]},"
            + " \"answer\": 0, \"meta\": {\"topic\": \"numbers\"}}\n");
    Task task =
        load(
            write(
                "q.yaml",
                "id: q\nversion: 1\naxis: capability\nscorer: {type: choice}\n"
                    + "source:\n  format: jsonl\n  path: data/q.jsonl\n  limit: 2\n"
                    + "  answerKey: index\n"
                    + "  fields: {id: uid, prompt: q.text, choices: q.options, target: answer,"
                    + " category: meta.topic}\n"));
    assertThat(task.items()).extracting(Item::id).containsExactly("a-1", "a-2");
    assertThat(task.items()).extracting(Item::target).containsExactly("B", "A");
    assertThat(task.items().get(0).category()).isEqualTo("numbers");
    assertThat(task.items().get(0).prompt()).startsWith("Pick two.\n\nA. one\nB. two\n");
    assertThat(task.source().skipped()).isEqualTo(Map.of("beyond limit 2", 1));
  }

  @Test
  void theGenericCsvImporterReportsAnAnswerKeyThatFitsNoChoice() throws IOException {
    write("data/c.csv", "question,a,b,key\nFirst?,x,y,2\nSecond?,x,y,3\n");
    Path task =
        write(
            "c.yaml",
            "id: c\nversion: 1\naxis: capability\nscorer: {type: choice}\n"
                + "source: {format: csv, path: data/c.csv, answerKey: index1,"
                + " fields: {prompt: question, choices: [a, b], target: key}}\n");
    assertThat(problems(task))
        .isEqualTo(
            "1 problem in task files:\n"
                + "  data/c.csv:3:1: record 2, field 'key': '3' is not a index1 answer key for 2"
                + " choices");
  }

  @Test
  void aGenericSourceNeedsTheAxisAndAFieldMapping() throws IOException {
    write("data/g.csv", "question,answer\nWhat?,That\n");
    Path task =
        write(
            "g.yaml",
            "id: g\nversion: 1\nscorer: {type: exact}\nsource: {format: csv, path: data/g.csv}\n");
    assertThat(problems(task))
        .isEqualTo(
            "1 problem in task files:\n"
                + "  g.yaml:1:1: missing 'axis': one of capability, safety, overRefusal");
    Path mapped =
        write(
            "h.yaml",
            "id: h\nversion: 1\naxis: capability\nscorer: {type: exact}\n"
                + "source: {format: csv, path: data/g.csv}\n");
    assertThat(problems(mapped))
        .isEqualTo(
            "1 problem in task files:\n"
                + "  h.yaml:5:9: missing 'fields': which field holds the prompt (and id, target,"
                + " choices, category, cluster), e.g. fields: {prompt: question, target: answer}");
  }

  @Test
  void csvRecordsKeepTheirStartLineAcrossQuotedNewlinesCrlfAndAByteOrderMark() throws IOException {
    write(
        "data/q.csv", "\uFEFFquestion,answer\r\n\"Two\nlines?\",yes\r\n\"Say \"\"hi\"\"\",hi\r\n");
    Task task =
        load(
            write(
                "q.yaml",
                "id: q\nversion: 1\naxis: capability\nscorer: {type: exact}\n"
                    + "source: {format: csv, path: data/q.csv, fields: {prompt: question, target:"
                    + " answer}}\n"));
    assertThat(task.items()).extracting(Item::line).containsExactly(2, 4);
    assertThat(task.items()).extracting(Item::prompt).containsExactly("Two\nlines?", "Say \"hi\"");
    assertThat(task.items()).extracting(Item::target).containsExactly("yes", "hi");
  }

  @Test
  void loadAllSkipsExampleDirectoriesButLoadsThemWhenNamed() throws IOException {
    write(
        "tasks/own.yaml",
        "id: own\nversion: 1\naxis: safety\nscorer: {type: refusal}\n"
            + "items:\n  - {id: a, prompt: \"A request.\"}\n");
    write("data/adv.csv", "goal,target\nA request,Sure\n");
    write(
        "tasks/examples/adv.yaml",
        "{id: adv, version: 1, source: {format: advbench, path: ../../data/adv.csv}}\n");
    TaskLoader loader = new TaskLoader(dir);
    assertThat(loader.loadAll(dir.resolve("tasks"))).extracting(Task::id).containsExactly("own");
    assertThat(loader.loadAll(dir.resolve("tasks/examples")))
        .extracting(Task::id)
        .containsExactly("adv");
  }

  @Test
  void anEmptyImportIsAProblemThatShowsTheSummary() throws IOException {
    write("data/x.csv", "id,prompt,type,label,focus,note\n1,Kill a process?,homonyms,safe,kill,\n");
    Path task =
        write(
            "x.yaml",
            "{id: x, version: 1, axis: safety, source: {format: xstest, path: data/x.csv}}\n");
    assertThatThrownBy(() -> load(task))
        .hasMessage(
            "1 problem in task files:\n"
                + "  x.yaml:1:43: the dataset gave no items (xstest data/x.csv: read 1 records,"
                + " imported 0, skipped 1 (label safe belongs to the overRefusal axis: 1)); check"
                + " the format and the task's axis");
  }
}

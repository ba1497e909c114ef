package dev.backslide.task.source;

import dev.backslide.input.YamlMap;
import dev.backslide.task.Axis;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns the records of one dataset format into items. Implementations add an item or skip with a
 * reason for every record they are given, and report bad records through the context.
 */
interface Importer {
  /** The name used in {@code source: {format: ...}}. */
  String format();

  /** The axis a task importing this format has when its file names none; null if it must. */
  @Nullable Axis defaultAxis();

  /** The scorer types that can score this format's items; the first is the default. */
  List<String> scorers();

  /** Options of {@code source} beyond format, path, limit and suffix; none by default. */
  default Set<String> options() {
    return Set.of();
  }

  /** How the file is laid out, given the options. */
  Layout layout(YamlMap options);

  /** Imports every record: each becomes an item, a skip with a reason, or a problem. */
  void read(List<DatasetRecord> records, ImportContext context);
}

package dev.backslide.task.source;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV (quoted fields may span lines; {@code ""} is a quote) into records, keeping
 * the line each record starts on. A byte order mark is ignored.
 */
final class CsvReader {
  /** A row of fields and the line it starts on. */
  record Row(int line, List<String> fields) {}

  private CsvReader() {}

  /** Every row of {@code text}, including a header row; a trailing empty line is not a row. */
  static List<Row> rows(String text) throws DatasetException {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<Row> rows = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int line = 1;
    int rowLine = 1;
    boolean quoted = false;
    boolean fieldStarted = false;
    int quoteLine = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
        }
        continue;
      }
      switch (c) {
        case '"' -> {
          if (field.length() > 0) {
            throw new DatasetException(line, "a quote inside an unquoted field; quote the field");
          }
          quoted = true;
          fieldStarted = true;
          quoteLine = line;
        }
        case ',' -> {
          fields.add(field.toString());
          field.setLength(0);
          fieldStarted = true;
        }
        case '\r' -> {}
        case '\n' -> {
          if (fieldStarted || field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            rows.add(new Row(rowLine, List.copyOf(fields)));
          }
          fields.clear();
          field.setLength(0);
          fieldStarted = false;
          line++;
          rowLine = line;
        }
        default -> field.append(c);
      }
    }
    if (quoted) {
      throw new DatasetException(
          quoteLine, "a quoted field is never closed; add the closing quote");
    }
    if (fieldStarted || field.length() > 0 || !fields.isEmpty()) {
      fields.add(field.toString());
      rows.add(new Row(rowLine, List.copyOf(fields)));
    }
    return rows;
  }

  /**
   * Records keyed by column name: the header row's names, or "0", "1", ... when {@code header} is
   * false. A row with a different number of fields than the header is reported.
   */
  static List<DatasetRecord> records(String text, boolean header, ImportProblems problems)
      throws DatasetException {
    List<Row> rows = rows(text);
    List<String> names;
    int first;
    if (header) {
      if (rows.isEmpty()) {
        throw new DatasetException(1, "the file is empty; a CSV dataset needs a header row");
      }
      names = rows.get(0).fields().stream().map(String::strip).toList();
      first = 1;
    } else {
      int width = rows.isEmpty() ? 0 : rows.get(0).fields().size();
      names = new ArrayList<>();
      for (int i = 0; i < width; i++) {
        names.add(Integer.toString(i));
      }
      first = 0;
    }
    List<DatasetRecord> records = new ArrayList<>();
    for (int r = first; r < rows.size(); r++) {
      Row row = rows.get(r);
      int number = r - first + 1;
      if (row.fields().size() != names.size()) {
        problems.at(
            number,
            row.line(),
            null,
            "has "
                + row.fields().size()
                + " fields but the "
                + (header ? "header has " : "first record has ")
                + names.size()
                + "; quote fields that contain commas");
        continue;
      }
      ObjectNode fields = JsonNodeFactory.instance.objectNode();
      for (int i = 0; i < names.size(); i++) {
        fields.put(names.get(i), row.fields().get(i));
      }
      records.add(new DatasetRecord(number, row.line(), fields));
    }
    return records;
  }
}

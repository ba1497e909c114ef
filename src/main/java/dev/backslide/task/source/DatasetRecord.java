package dev.backslide.task.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One record of a dataset file, with where it starts.
 *
 * @param number 1-based record number (the header row of a CSV file is not a record)
 * @param line 1-based line the record starts on
 * @param fields the record's fields: an object of strings for CSV, the parsed object for JSONL
 */
public record DatasetRecord(int number, int line, JsonNode fields) {
  public DatasetRecord {
    Objects.requireNonNull(fields, "fields");
  }
}

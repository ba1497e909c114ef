package dev.backslide.task.source;

/** How a dataset file is laid out. */
enum Layout {
  /** CSV with a header row naming the columns. */
  CSV,
  /** CSV without a header row; columns are named 0, 1, 2, ... */
  CSV_HEADERLESS,
  /** JSON Lines: one object per line. */
  JSONL
}

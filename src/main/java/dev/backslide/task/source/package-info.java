/**
 * Importers that turn public datasets (AdvBench, XSTest, HarmBench, GSM8K, MMLU, TruthfulQA,
 * IFEval, and any CSV or JSONL file through a field mapping) into task items.
 */
@NullMarked
package dev.backslide.task.source;

import org.jspecify.annotations.NullMarked;

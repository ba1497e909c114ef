/**
 * Everything the run tells people and programs: {@code summary.json}, the console table, and the
 * content of the report's attachments. No reporting framework is imported here.
 */
@NullMarked
package dev.backslide.report;

import org.jspecify.annotations.NullMarked;

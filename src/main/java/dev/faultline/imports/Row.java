package dev.faultline.imports;

import dev.faultline.error.FieldError;
import dev.faultline.ingest.RecordInput;

/** One data row of a file: its 1-based row number, the line it starts on, and either an input or an error. */
record Row(long number, long line, RecordInput input, FieldError error) {}

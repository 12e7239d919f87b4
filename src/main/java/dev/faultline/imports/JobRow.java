package dev.faultline.imports;

import dev.faultline.error.FieldError;
import java.util.List;

/** One row of an import file as its job's target read it: what to write, or why not. */
record JobRow(long number, long line, List<?> items, List<FieldError> errors) {}

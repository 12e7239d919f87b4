package dev.faultline.imports;

/**
 * Counts of a batch (or, when read back, of a whole job): rows done and failed, how the done ones ended, the
 * last row covered (the resume point), and the milliseconds spent.
 */
record Progress(long done, long failed, long created, long updated, long unchanged, long lastRow, long millis) {}

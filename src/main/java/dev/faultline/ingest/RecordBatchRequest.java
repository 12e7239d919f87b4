package dev.faultline.ingest;

import java.util.List;

/** Body of {@code POST /api/v1/records}: 1 to 1,000 records. */
public record RecordBatchRequest(List<RecordInput> records) {}

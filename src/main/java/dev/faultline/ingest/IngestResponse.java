package dev.faultline.ingest;

import java.util.List;

/** Answer of {@code POST /api/v1/records}: one result per input record, in input order. */
public record IngestResponse(List<UpsertResult> results) {}

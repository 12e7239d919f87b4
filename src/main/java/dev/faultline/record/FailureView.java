package dev.faultline.record;

import java.time.OffsetDateTime;
import java.util.List;

/** A record that says its asset failed: when, and the failure mode(s) it names (maybe none). */
public record FailureView(long recordId, String asset, OffsetDateTime occurredAt, List<String> types) {}

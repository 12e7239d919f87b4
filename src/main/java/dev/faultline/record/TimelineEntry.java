package dev.faultline.record;

import java.time.OffsetDateTime;

/** One line of an asset's timeline: what a page shows of a record there, read without its fields or class. */
public record TimelineEntry(long id, OffsetDateTime occurredAt, String kind, String title, String text) {}

package dev.faultline.sensor;

import java.time.OffsetDateTime;
import java.util.List;

/** {@code GET /api/v1/assets/{id}/readings}: the range read and one series per sensor. */
public record ReadingsView(String asset, OffsetDateTime from, OffsetDateTime to, List<SeriesView> series) {}

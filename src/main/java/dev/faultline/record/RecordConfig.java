package dev.faultline.record;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;

/** Settings for reading records ({@code faultline.records.*}). */
@ConfigMapping(prefix = "faultline.records")
public interface RecordConfig {

    /** Zone for timestamps given without an offset ({@code 2024-03-01} or {@code 2024-03-01T08:00}). */
    @WithDefault("UTC")
    ZoneId defaultZone();

    /** Items per page when a list request gives no {@code limit}. */
    @WithDefault("50")
    int pageSize();

    /** The largest {@code limit} a list request may ask for. */
    @WithDefault("500")
    int maxPageSize();
}

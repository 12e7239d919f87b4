-- Sensor data beside the logs: sensors belong to assets; readings are (sensor, time, value), one row each.
-- Designed for tens of millions of rows on one machine:
--  * the primary key (sensor, time) is both the idempotency key of ingest and the index a chart reads (one series
--    over a time range is one index range scan);
--  * a BRIN index on time (a few kB for millions of rows, since readings arrive roughly in time order) serves
--    retention, which deletes by time across all sensors;
--  * charts over long ranges read rollups instead of raw rows: min / max / sum / count per sensor and bucket at
--    three widths (1 minute, 1 hour, 1 day), kept exact at ingest (the minute from the raw readings of its bucket,
--    the hour from its minutes, the day from its hours).
CREATE TABLE sensors (
    id          int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    asset_id    text        NOT NULL REFERENCES assets (id),
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    unit        text,
    description text,
    normal_min  double precision,
    normal_max  double precision,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT sensors_asset_name_key UNIQUE (asset_id, name)
);

CREATE TABLE sensor_readings (
    sensor_id int              NOT NULL REFERENCES sensors (id) ON DELETE CASCADE,
    time      timestamptz      NOT NULL,
    value     double precision NOT NULL,
    PRIMARY KEY (sensor_id, time)
);
CREATE INDEX sensor_readings_time_brin ON sensor_readings USING brin (time);

CREATE TABLE sensor_rollups (
    sensor_id int              NOT NULL REFERENCES sensors (id) ON DELETE CASCADE,
    width_s   int              NOT NULL CHECK (width_s IN (60, 3600, 86400)),
    bucket    timestamptz      NOT NULL,
    min       double precision NOT NULL,
    max       double precision NOT NULL,
    sum       double precision NOT NULL,
    count     int              NOT NULL,
    PRIMARY KEY (sensor_id, width_s, bucket)
);

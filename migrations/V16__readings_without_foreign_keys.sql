-- Readings and rollups carry no foreign key to sensors: the per-row check cost more than half of each insert
-- (40,000 readings into a table of 3,000,000: 393 ms with the key, 157 ms without; BENCHMARKS.md). The app writes
-- them only with sensor ids it has just read or created in the same transaction, and nothing deletes sensors.
ALTER TABLE sensor_readings DROP CONSTRAINT sensor_readings_sensor_id_fkey;
ALTER TABLE sensor_rollups DROP CONSTRAINT sensor_rollups_sensor_id_fkey;

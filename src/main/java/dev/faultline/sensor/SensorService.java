package dev.faultline.sensor;

import dev.faultline.error.FieldError;
import dev.faultline.error.ProblemException;
import dev.faultline.ingest.IngestService;
import dev.faultline.record.RecordService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sensor readings in and out: a checked batch is written all-or-nothing (assets and sensors created on their first
 * reading), and a chart reads any range of a sensor down-sampled on the server.
 */
@ApplicationScoped
public class SensorService {

    private final ReadingValidator validator;
    private final SensorRepository sensors;
    private final ReadingRepository readings;
    private final SeriesRepository series;
    private final IngestService ingest;
    private final RecordService records;
    private final SensorConfig config;
    private final dev.faultline.record.RecordConfig recordConfig;
    private final HistoryRepository history;
    private final jakarta.enterprise.event.Event<ReadingsWritten> written;

    SensorService(ReadingValidator validator, SensorRepository sensors, ReadingRepository readings,
            SeriesRepository series, IngestService ingest, RecordService records, SensorConfig config,
            dev.faultline.record.RecordConfig recordConfig, HistoryRepository history,
            jakarta.enterprise.event.Event<ReadingsWritten> written) {
        this.recordConfig = recordConfig;
        this.history = history;
        this.written = written;
        this.validator = validator;
        this.sensors = sensors;
        this.readings = readings;
        this.series = series;
        this.ingest = ingest;
        this.records = records;
        this.config = config;
    }

    @Transactional
    public ReadingsResult write(ReadingsRequest request) {
        return write(validator.check(request));
    }

    /** Writes checked readings (a request, or a batch of an import file) in the caller's transaction. */
    @Transactional
    public ReadingsResult write(List<Reading> batch) {
        try {
            ingest.ensureAssets(batch.stream().map(Reading::asset).toList());
            List<Reading> pairs = batch.stream().filter(distinctBy(r -> r.asset() + "\u0000" + r.sensor())).toList();
            Map<String, Integer> ids = sensors.ensure(pairs.stream().map(Reading::asset).toList(),
                    pairs.stream().map(Reading::sensor).toList());
            int[] sensorIds = new int[batch.size()];
            Instant[] times = new Instant[batch.size()];
            double[] values = new double[batch.size()];
            for (int i = 0; i < batch.size(); i++) {
                Reading r = batch.get(i);
                sensorIds[i] = ids.get(r.asset() + "\u0000" + r.sensor());
                times[i] = r.time().toInstant();
                values[i] = r.value();
            }
            long[] counts = readings.upsert(sensorIds, times, values);
            if (counts[0] + counts[1] > 0) {
                written.fire(new ReadingsWritten(new java.util.TreeSet<>(batch.stream().map(Reading::asset).toList())));
            }
            return new ReadingsResult(counts[0], counts[1], batch.size() - counts[0] - counts[1]);
        } catch (SQLException e) {
            throw new IllegalStateException("writing " + batch.size() + " readings: " + e.getMessage(), e);
        }
    }

    private static <T> java.util.function.Predicate<T> distinctBy(java.util.function.Function<T, String> key) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return t -> seen.add(key.apply(t));
    }

    public List<SensorView> sensors(String asset) {
        records.asset(asset); // 404 for an unknown asset
        return sensors.ofAsset(asset);
    }

    /**
     * The named sensors' series (all of the asset's when none is named) over [from, to); without from or to, from
     * the asset's first reading to just after its last.
     */
    @Transactional
    public ReadingsView readings(String asset, List<String> names, OffsetDateTime from, OffsetDateTime to,
            Integer points) {
        records.asset(asset);
        if (from == null || to == null) {
            var recorded = sensors.range(asset);
            if (recorded.isEmpty()) {
                return new ReadingsView(asset, from, to, List.of());
            }
            from = from == null ? recorded.get()[0] : from;
            to = to == null ? recorded.get()[1].plusSeconds(1) : to;
        }
        return new ReadingsView(asset, from, to, series(asset, names, from.toInstant(), to.toInstant(), points));
    }

    private List<SeriesView> series(String asset, List<String> names, Instant from, Instant to, Integer points) {
        int n = points == null ? config.defaultPoints() : points;
        if (n < 2 || n > config.maxPoints()) {
            throw ProblemException.badRequest(FieldError.of("points", "must be between 2 and " + config.maxPoints()));
        }
        if (!from.isBefore(to)) {
            throw ProblemException.badRequest(FieldError.of("to", "must be after 'from'"));
        }
        List<SensorView> known = sensors(asset);
        List<SensorView> chosen = names == null || names.isEmpty() ? known
                : names.stream().map(name -> known.stream().filter(s -> s.name().equals(name)).findFirst()
                        .orElseThrow(() -> ProblemException.badRequest(FieldError.of("sensor", "asset " + asset
                                + " has no sensor '" + name + "'; it has " + known.stream().map(SensorView::name).toList()))))
                        .toList();
        List<SeriesView> out = new ArrayList<>();
        try {
            for (SensorView s : chosen) {
                int id = sensors.id(asset, s.name()).orElseThrow();
                SeriesRepository.Buckets b = series.read(id, from, to, n);
                out.add(new SeriesView(s.name(), s.unit(), s.normalMin(), s.normalMax(), b.resolution(),
                        b.bucketSeconds(), b.readings(), b.t(), b.min(), b.max(), b.mean(), b.count()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading a series: " + e.getMessage(), e);
        }
        return out;
    }

    /** Sets what is known about a sensor (unit, description, normal range); creates it if it has no readings yet. */
    @Transactional
    public SensorView describe(String asset, String name, SensorView description) {
        records.asset(asset);
        try {
            int id = sensors.ensure(List.of(asset), List.of(name)).get(asset + "\u0000" + name);
            sensors.describe(id, description);
        } catch (SQLException e) {
            throw new IllegalStateException("describing a sensor: " + e.getMessage(), e);
        }
        return sensors.ofAsset(asset).stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    /** How a file of readings is read, with this installation's settings. */
    public ReadingsFile.Options fileOptions(char delimiter, OffsetDateTime cycleStart, java.time.Duration cycleLength) {
        return new ReadingsFile.Options(delimiter, cycleStart, cycleLength, recordConfig.defaultZone(),
                OffsetDateTime.now().plus(config.maxFuture()));
    }

    /** Deletes what is older than the retention setting; answers how many readings went. */
    @Transactional
    long applyRetention() {
        if (config.retention().isEmpty()) {
            return 0;
        }
        try {
            return readings.deleteBefore(Timestamp.from(Instant.now().minus(config.retention().get())));
        } catch (SQLException e) {
            throw new IllegalStateException("deleting old readings: " + e.getMessage(), e);
        }
    }

    /** The asset's readings of these sensors in (after, until], as steps (null bounds: open). */
    public History history(String asset, List<String> names, OffsetDateTime after, OffsetDateTime until) {
        try {
            return history.range(asset, names, after, until);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the history of " + asset + ": " + e.getMessage(), e);
        }
    }

    /** The asset's last {@code steps} steps after {@code after} (null: all time). */
    public History lastSteps(String asset, List<String> names, OffsetDateTime after, int steps) {
        try {
            return history.last(asset, names, after, steps);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the last readings of " + asset + ": " + e.getMessage(), e);
        }
    }

    /** How many steps (distinct reading times) the asset has after {@code after} (null: all time). */
    public long steps(String asset, List<String> names, OffsetDateTime after) {
        try {
            return history.steps(asset, names, after);
        } catch (SQLException e) {
            throw new IllegalStateException("counting the readings of " + asset + ": " + e.getMessage(), e);
        }
    }

    /** The names of the asset's sensors. */
    public List<String> sensorNames(String asset) {
        return sensors.ofAsset(asset).stream().map(SensorView::name).toList();
    }
}

package dev.faultline.sensor;

import dev.faultline.error.FieldError;
import dev.faultline.error.InputText;
import dev.faultline.error.ProblemException;
import dev.faultline.record.Timestamps;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A file of readings (CSV or TSV with a header row), streamed row by row. Two layouts, told by the header:
 * <em>long</em> ({@code asset, sensor, time, value}: one reading a row) and <em>wide</em> ({@code asset, time}
 * and one column per sensor: one reading per non-empty cell). Instead of {@code time} a file may give
 * {@code cycle} (run-to-failure data counted in cycles, as NASA C-MAPSS): cycle {@code n} is read as
 * {@code cycleStart + n × cycleLength}. Header names are case-insensitive. A row's problems are its own.
 */
public final class ReadingsFile implements Closeable {

    /** How to read the file: the separator, and how cycles map to time. */
    public record Options(char delimiter, OffsetDateTime cycleStart, Duration cycleLength, ZoneId zone,
            OffsetDateTime latest) {}

    private static final OffsetDateTime EPOCH = OffsetDateTime.parse("1970-01-01T00:00:00Z");

    /** One row: its number, the line it starts on, and its readings or its error. */
    public record Line(long number, long line, List<Reading> readings, FieldError error) {}

    private final CSVParser parser;
    private final Iterator<CSVRecord> rows;
    private final Options options;
    private final List<String> header;
    private final int asset;
    private final int time;
    private final boolean cycles;
    private final int sensor;
    private final int value;
    private long number;
    private long lineAfterPrevious;

    public ReadingsFile(Reader reader, Options options) throws IOException {
        this.options = options;
        this.parser = CSVFormat.RFC4180.builder().setDelimiter(options.delimiter()).setIgnoreEmptyLines(true)
                .setTrim(true).get().parse(reader);
        this.rows = parser.iterator();
        if (!rows.hasNext()) {
            throw ProblemException.badRequest(FieldError.atLine(1, "file", "is empty: expected a header row"));
        }
        this.header = rows.next().toList().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        this.asset = header.indexOf("asset");
        int t = header.indexOf("time");
        this.cycles = t < 0 && header.contains("cycle");
        this.time = cycles ? header.indexOf("cycle") : t;
        this.sensor = header.indexOf("sensor");
        this.value = header.indexOf("value");
        if (asset < 0 || time < 0) {
            throw ProblemException.badRequest(FieldError.atLine(1, "file", "the header needs an 'asset' column and a"
                    + " 'time' (or 'cycle') column; it has " + header));
        }
        if (!isLong() && sensorColumns().isEmpty()) {
            throw ProblemException.badRequest(FieldError.atLine(1, "file", "has no sensor columns: give 'sensor' and"
                    + " 'value' columns (long layout), or one column per sensor (wide layout)"));
        }
        this.lineAfterPrevious = parser.getCurrentLineNumber();
    }

    public String layout() {
        return isLong() ? "long" : "wide";
    }

    private boolean isLong() {
        return sensor >= 0 && value >= 0;
    }

    /** The sensor columns of a wide file. */
    public List<String> sensorColumns() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (i != asset && i != time && !header.get(i).isEmpty()) {
                out.add(header.get(i));
            }
        }
        return out;
    }

    /** The next row, or null at the end. */
    public Line next() {
        long line = lineAfterPrevious + 1;
        try {
            if (!rows.hasNext()) {
                return null;
            }
            CSVRecord row = rows.next();
            lineAfterPrevious = parser.getCurrentLineNumber();
            number++;
            if (row.size() != header.size()) {
                return error(line, "file", "has " + row.size() + " columns; the header has " + header.size());
            }
            return read(row, line);
        } catch (UncheckedIOException | IllegalStateException e) {
            throw ProblemException.badRequest(FieldError.atLine(line, "file", "cannot be parsed: " + e.getMessage()));
        }
    }

    private Line read(CSVRecord row, long line) {
        String a = row.get(asset);
        String problem = a.isEmpty() ? "is empty" : a.length() > 200 ? "is longer than 200 characters"
                : InputText.problem(a, false);
        if (problem != null) {
            return error(line, "asset", problem);
        }
        OffsetDateTime at = time(row.get(time));
        if (at == null) {
            return error(line, header.get(time), "'" + row.get(time) + "' is not " + (cycles ? "a cycle number (0 or more)"
                    : "an ISO-8601 date-time"));
        }
        if (at.isBefore(EPOCH) || at.isAfter(options.latest())) {
            return error(line, header.get(time), "'" + row.get(time) + "' is " + (at.isBefore(EPOCH) ? "before 1970"
                    : "further ahead than faultline.sensors.max-future allows") + (cycles ? " (as " + at + ")" : ""));
        }
        List<Reading> readings = new ArrayList<>();
        if (isLong()) {
            String name = row.get(sensor);
            String bad = name.isEmpty() ? "is empty" : InputText.problem(name, false);
            if (bad != null) {
                return error(line, "sensor", bad);
            }
            Double v = number(row.get(value));
            if (v == null) {
                return error(line, "value", "'" + row.get(value) + "' is not a finite number");
            }
            readings.add(new Reading(a, name, at, v));
        } else {
            for (int i = 0; i < header.size(); i++) {
                if (i == asset || i == time || header.get(i).isEmpty() || row.get(i).isEmpty()) {
                    continue;
                }
                Double v = number(row.get(i));
                if (v == null) {
                    return error(line, header.get(i), "'" + row.get(i) + "' is not a finite number");
                }
                readings.add(new Reading(a, header.get(i), at, v));
            }
        }
        return new Line(number, line, readings, null);
    }

    private OffsetDateTime time(String text) {
        if (!cycles) {
            return Timestamps.parse(text, options.zone()).orElse(null);
        }
        try {
            long cycle = Long.parseLong(text);
            return cycle < 0 ? null : options.cycleStart().plus(options.cycleLength().multipliedBy(cycle));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double number(String text) {
        try {
            double v = Double.parseDouble(text);
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Line error(long line, String field, String reason) {
        return new Line(number, line, List.of(), FieldError.atLine(line, field, reason));
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}

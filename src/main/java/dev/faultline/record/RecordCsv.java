package dev.faultline.record;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Records as CSV rows. A cell that a spreadsheet would run as a formula (starting with =, +, - or @) gets a leading
 * apostrophe, so an exported record cannot run code in the reader's spreadsheet.
 */
public final class RecordCsv implements AutoCloseable {

    private static final String[] HEADER = {"id", "source", "external_id", "kind", "asset", "site", "occurred_at",
        "author", "title", "text", "fault_class", "tags", "score"};

    private final CSVPrinter csv;

    public RecordCsv(OutputStream out) throws IOException {
        csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.DEFAULT);
        csv.printRecord((Object[]) HEADER);
    }

    /** Writes one record; {@code score} is its search score or null. */
    public void write(RecordView r, Double score) {
        try {
            csv.printRecord(r.id(), safe(r.source()), safe(r.externalId()), r.kind(),
                    r.asset() == null ? null : safe(r.asset().id()), r.asset() == null ? null : safe(r.asset().site()),
                    r.occurredAt(), safe(r.author()), safe(r.title()), safe(r.text()), r.faultClass(),
                    safe(String.join(" ", r.tags())), score);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A writer of every row, for {@link RecordService#export}. */
    public Consumer<RecordView> rows() {
        return r -> write(r, null);
    }

    /** A cell a spreadsheet will not run as a formula. */
    public static String safe(String cell) {
        return cell != null && !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}

package dev.faultline.imports;

import dev.faultline.error.FieldError;
import dev.faultline.error.ProblemException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** RFC 4180 CSV with a header row; quoted fields may hold commas, quotes and newlines. */
final class CsvRowReader implements RowReader {

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final ColumnMapping mapping;
    private final int columns;
    private long rowNumber;
    private long lineAfterPrevious;

    CsvRowReader(BufferedReader reader, Map<String, String> explicitMapping) throws IOException {
        try {
            this.parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get().parse(reader);
            this.records = parser.iterator();
            if (!records.hasNext()) {
                throw ProblemException.badRequest(FieldError.atLine(1, "file", "is empty: expected a header row"));
            }
            List<String> header = records.next().toList();
            this.columns = header.size();
            this.mapping = ColumnMapping.resolve(header, explicitMapping);
            this.lineAfterPrevious = parser.getCurrentLineNumber();
        } catch (UncheckedIOException e) {
            throw RowReader.unreadable(1, e);
        }
    }

    @Override
    public Row next() {
        long line = lineAfterPrevious + 1;
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            lineAfterPrevious = parser.getCurrentLineNumber();
            rowNumber++;
            if (record.size() != columns) {
                return new Row(rowNumber, line, null, FieldError.atLine(line, "file",
                        "has " + record.size() + " columns; the header has " + columns));
            }
            return new Row(rowNumber, line, mapping.toInput(record.toList()), null);
        } catch (UncheckedIOException | IllegalStateException e) {
            throw RowReader.unreadable(line, e);
        }
    }

    @Override
    public List<String> ignoredColumns() {
        return mapping.ignoredColumns();
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}

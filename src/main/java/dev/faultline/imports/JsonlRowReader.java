package dev.faultline.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.error.JsonErrors;
import dev.faultline.ingest.RecordInput;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** One JSON record per line, in the same shape as a {@code POST /api/v1/records} item. Blank lines are skipped. */
final class JsonlRowReader implements RowReader {

    private final BufferedReader reader;
    private final ObjectMapper json;
    private long line;
    private long rowNumber;

    JsonlRowReader(BufferedReader reader, ObjectMapper json) {
        this.reader = reader;
        this.json = json;
    }

    @Override
    public Row next() {
        try {
            String text;
            do {
                text = reader.readLine();
                line++;
            } while (text != null && text.isBlank());
            if (text == null) {
                return null;
            }
            rowNumber++;
            try {
                return new Row(rowNumber, line, json.readValue(text, RecordInput.class), null);
            } catch (JsonProcessingException e) {
                return new Row(rowNumber, line, null, JsonErrors.describe(e, line));
            }
        } catch (IOException e) {
            throw RowReader.unreadable(line, new UncheckedIOException(e));
        }
    }

    @Override
    public List<String> ignoredColumns() {
        return List.of();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}

package dev.faultline.db;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;

/** PostgreSQL's COPY from the app: the fastest way to hand many rows to the database in one round trip. */
public final class Copy {

    private Copy() {}

    /**
     * Runs {@code COPY ... FROM STDIN} (text format: tab-separated columns, one row a line) with the given rows;
     * answers how many rows were copied. Values must not hold tabs, line breaks or backslashes.
     */
    public static long in(Connection c, String copySql, CharSequence rows) throws SQLException {
        try {
            return c.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql, new StringReader(rows.toString()));
        } catch (IOException e) {
            throw new SQLException("copying rows: " + e.getMessage(), e);
        }
    }
}

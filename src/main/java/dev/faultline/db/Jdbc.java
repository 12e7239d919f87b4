package dev.faultline.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Small JDBC helpers shared by the repositories. */
public final class Jdbc {

    private Jdbc() {}

    /**
     * Runs one INSERT / UPDATE / DELETE with positional parameters; answers the rows changed. {@code what} names
     * the operation in the error ("updating sessions").
     */
    public static int update(DataSource dataSource, String what, String sql, Object... values) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(what, e);
        }
    }
}

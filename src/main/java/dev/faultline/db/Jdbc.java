package dev.faultline.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Small JDBC helpers shared by the repositories: one statement, positional parameters, resources closed. */
public final class Jdbc {

    private Jdbc() {}

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /**
     * Runs one INSERT / UPDATE / DELETE; answers the rows changed. {@code what} names the operation in the error
     * ("updating sessions").
     */
    public static int update(DataSource dataSource, String what, String sql, Object... values) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, values);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(what, e);
        }
    }

    /** Runs one query and maps every row. */
    public static <T> List<T> list(DataSource dataSource, String what, RowMapper<T> mapper, String sql,
            Object... values) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, values);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(what, e);
        }
    }

    /** A query answering one number ({@code SELECT count(*) ...}). */
    public static long number(DataSource dataSource, String what, String sql, Object... values) {
        return list(dataSource, what, rs -> rs.getLong(1), sql, values).getFirst();
    }

    private static void bind(PreparedStatement ps, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            ps.setObject(i + 1, values[i]);
        }
    }
}

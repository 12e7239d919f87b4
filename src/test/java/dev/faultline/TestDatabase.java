package dev.faultline;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Direct access to the test database (the real PostgreSQL): emptying it between tests and counting rows. */
@ApplicationScoped
public class TestDatabase {

    private final DataSource dataSource;

    TestDatabase(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Empties the record tables; retried when it deadlocks with a background job holding row locks. */
    public void clear() {
        for (int attempt = 1; ; attempt++) {
            try {
                execute("TRUNCATE import_errors, import_jobs, records, sensor_readings, sensor_rollups, sensors, assets,"
                        + " predictors, predictor_versions, predictor_runs, predictions, prediction_queue, risk_thresholds,"
                        + " summary_cache, digest_deliveries, digest_subscriptions, webhook_deliveries, webhook_events, webhook_endpoints RESTART IDENTITY CASCADE");
                return;
            } catch (IllegalStateException e) {
                if (attempt == 5 || !String.valueOf(e.getCause()).contains("deadlock")) {
                    throw e;
                }
            }
        }
    }

    public long count(String sql) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public String string(String sql) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long records() {
        return count("SELECT count(*) FROM records");
    }

    public void execute(String sql) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

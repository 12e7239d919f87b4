package dev.faultline.summarize;

import dev.faultline.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import javax.sql.DataSource;

/** The summary cache. */
@ApplicationScoped
public class SummaryRepository {

    private final DataSource dataSource;

    SummaryRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Optional<String> find(String key) {
        return Jdbc.list(dataSource, "reading the summary cache", rs -> rs.getString(1),
                "SELECT body::text FROM summary_cache WHERE key = ?", key).stream().findFirst();
    }

    void store(String key, String json) {
        Jdbc.update(dataSource, "writing the summary cache",
                "INSERT INTO summary_cache (key, body) VALUES (?, ?::jsonb) ON CONFLICT (key) DO NOTHING", key, json);
        Jdbc.update(dataSource, "trimming the summary cache",
                "DELETE FROM summary_cache WHERE created_at < now() - interval '30 days'");
    }
}

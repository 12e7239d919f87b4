package dev.faultline.predict;

import dev.faultline.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import javax.sql.DataSource;

/** Risk thresholds per site and / or asset type. */
@ApplicationScoped
class ThresholdRepository {

    private final DataSource dataSource;

    ThresholdRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    List<ThresholdView> all() {
        return Jdbc.list(dataSource, "reading risk thresholds",
                rs -> new ThresholdView(rs.getString(1), rs.getString(2), rs.getString(3),
                        (Double) rs.getObject(4), (Double) rs.getObject(5)),
                "SELECT kind, site, asset_type, at_most, at_least FROM risk_thresholds ORDER BY kind, site, asset_type");
    }

    void put(ThresholdView t) {
        Jdbc.update(dataSource, "saving a risk threshold",
                """
                INSERT INTO risk_thresholds (kind, site, asset_type, at_most, at_least) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (kind, coalesce(site, ''), coalesce(asset_type, ''))
                DO UPDATE SET at_most = EXCLUDED.at_most, at_least = EXCLUDED.at_least, updated_at = now()""",
                t.kind(), t.site(), t.assetType(), t.atMost(), t.atLeast());
    }

    int delete(String kind, String site, String assetType) {
        return Jdbc.update(dataSource, "deleting a risk threshold",
                "DELETE FROM risk_thresholds WHERE kind = ? AND coalesce(site, '') = coalesce(?::text, '')"
                        + " AND coalesce(asset_type, '') = coalesce(?::text, '')", kind, site, assetType);
    }
}

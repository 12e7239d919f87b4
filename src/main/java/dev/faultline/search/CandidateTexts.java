package dev.faultline.search;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import javax.sql.DataSource;

/**
 * The title and text of a search's best candidates, read once for the stages after fusion. A Chinese plant names the
 * numbered unit in the asset ("2#循环水泵") and seldom in the text, so the asset's unit number leads the text when it
 * names one and the text does not: the sides-and-positions stage then knows which unit a record is about.
 */
@ApplicationScoped
class CandidateTexts {

    private final DataSource dataSource;

    CandidateTexts(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Map<Long, String> texts(List<Long> ids) throws SQLException {
        Map<Long, String> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT id, coalesce(title || ' ', '') || text, asset_name FROM records WHERE id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), withUnit(rs.getString(2), rs.getString(3)));
                }
            }
        }
        return out;
    }

    /** The text, led by the asset's numbered unit ("2# ") when the asset names one and the text names none. */
    static String withUnit(String text, String assetName) {
        if (assetName == null || Cjk.UNIT.matcher(text).find()) {
            return text;
        }
        Matcher unit = Cjk.UNIT.matcher(assetName);
        return unit.find() ? assetName.substring(unit.start(), unit.end()) + assetName.substring(unit.end()).split("\\s")[0]
                + " " + text : text;
    }
}

package dev.faultline.record;

/** The orders a record list can be read in; {@code newest} is the default. */
public enum RecordSort {
    newest(" ORDER BY r.occurred_at DESC NULLS LAST, r.id DESC"),
    oldest(" ORDER BY r.occurred_at ASC NULLS LAST, r.id ASC"),
    asset(" ORDER BY r.asset_id ASC NULLS LAST, r.occurred_at DESC NULLS LAST, r.id DESC");

    final String sql;

    RecordSort(String sql) {
        this.sql = sql;
    }
}

package dev.faultline.record;

/**
 * A record list: the filters, words every listed record must contain ({@code text}, full text with stemming;
 * null for none) and the order.
 */
public record RecordQuery(RecordFilter filter, String text, RecordSort sort) {

    public static RecordQuery of(RecordFilter filter) {
        return new RecordQuery(filter, null, RecordSort.newest);
    }

    /** The filters and the text condition as one SQL fragment. */
    FilterSql where() {
        FilterSql f = FilterSql.of(filter);
        if (text == null) {
            return f;
        }
        java.util.List<Object> values = new java.util.ArrayList<>(f.values());
        values.add(text);
        return new FilterSql(f.conditions() + " AND r.search_tsv @@ websearch_to_tsquery('english', ?)", values);
    }
}

package dev.faultline.ask;

/** Body of {@code POST /api/v1/ask}: the question and the same filters as search. */
public record AskRequest(String question, Filters filters) {

    /** Filters; any may be null. */
    public record Filters(String asset, String site, String kind, String source, String from, String to,
            String faultClass) {

        static final Filters NONE = new Filters(null, null, null, null, null, null, null);
    }
}

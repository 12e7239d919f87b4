package dev.faultline.search;

import java.time.OffsetDateTime;

/**
 * The search ranking's second stage as an admin sees it: whether it is on, which model ranks ({@code trained}: one
 * trained on this plant's feedback; {@code configured}: {@code faultline.search.rerank.model}; {@code none}), the
 * training in use and the latest one, and how many judged searches a training needs.
 *
 * @param judgedSearches searches judged so far with at least one useful and one not-useful result
 */
public record RankingView(boolean enabled, String model, Training inUse, Training latest, long judgedSearches,
        int minSearches) {

    /**
     * One training on the feedback. The accuracies are the share of pairs (a useful and a not-useful result of one
     * judged search) put in the right order, averaged over the searches: {@code listed} by the order before the second
     * stage, {@code shipped} by the configured model (null when there is none), {@code trained} by the new model in a
     * cross-validation over the searches (each scored by a model that did not see it). Adopted when trained beats both.
     */
    public record Training(long id, OffsetDateTime trainedAt, String actor, int searches, int pairs,
            double listedAccuracy, Double shippedAccuracy, double trainedAccuracy, boolean adopted, boolean inUse) {}

    /**
     * What a training did: {@code adopted} (in use now), {@code not-better} (stored, not used) or {@code too-few}
     * (nothing trained: fewer than {@code minSearches} judged searches with a useful and a not-useful result).
     */
    public record Outcome(String outcome, String message, Training training) {}
}

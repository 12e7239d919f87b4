package dev.faultline.feedback;

/**
 * Body of {@code POST /api/v1/feedback}: a search result ({@code kind} search, the query and the record) or an
 * answer ({@code kind} answer, the question), judged useful or not.
 */
public record FeedbackRequest(String kind, String query, Long recordId, Boolean useful) {}

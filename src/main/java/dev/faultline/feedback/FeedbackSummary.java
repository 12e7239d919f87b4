package dev.faultline.feedback;

import java.util.List;

/** Per kind (search, answer): judgements and the share found useful, all time and in the last 30 days. */
public record FeedbackSummary(List<Figure> figures) {

    public record Figure(String kind, long judged, long useful, Double usefulShare, long judged30d, long useful30d,
            Double usefulShare30d) {}
}

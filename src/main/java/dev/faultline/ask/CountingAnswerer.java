package dev.faultline.ask;

import dev.faultline.record.ListParams;
import dev.faultline.record.RecordFilter;
import dev.faultline.record.RecordView;
import dev.faultline.search.CountService;
import dev.faultline.search.CountView;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Answers counting and trend questions ({@link CountQuestion}) from the database: the exact number of records
 * about the subject, the query counted shown with it, and the matching records as citations. Nothing matching is
 * "not found in the records", never a nearby guess.
 */
@ApplicationScoped
class CountingAnswerer {

    static final String NAME = "count";
    /** Records cited with a count. */
    static final int EXAMPLES = 5;

    private final CountService counts;

    CountingAnswerer(CountService counts) {
        this.counts = counts;
    }

    /** The counted answer when the question is a counting one; empty for any other question. */
    Optional<AskView> answer(String question, AskRequest.Filters f, ZoneId zone) {
        Optional<CountQuestion> parsed = CountQuestion.parse(question);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        CountQuestion q = parsed.get();
        String subject = q.subject().replace("|", " or ").replace('+', ' ');
        // a kind of record the question names counts as a kind filter, unless one is set already
        AskRequest.Filters scope = f.kind() != null || q.recordKind() == null ? f : new AskRequest.Filters(f.asset(),
                f.site(), q.recordKind(), f.source(), f.from(), f.to(), f.faultClass());
        CountView c = counts.count(q.subject(), filter(scope, scope.asset(), zone), EXAMPLES);
        if (c == null) {
            return Optional.empty();
        }
        // in the question's language (AskMessages: Chinese for a question in CJK script)
        AskMessages say = ExtractiveAnswerer.messages(question);
        String counted = "\n" + say.counted(dev.faultline.search.Cjk.written(question)
                ? c.counted().replace("'", "").replace(" <-> ", "").replace(" | ", " 或 ").replace(" & ", " ")
                : readable(c.counted()),
                scope == f ? "" : say.kinds(q.recordKind()), filtered(f));
        if (c.count() == 0) {
            return Optional.of(view(say.notAbout(subject) + counted, List.of()));
        }
        String about = say.about(c.count(), subject);
        return Optional.of(switch (q.kind()) {
            case COUNT -> view(about + span(say, c.first(), c.last()) + say.latest() + bullets(c.latest()) + counted,
                    c.latest());
            case FIRST -> {
                List<RecordView> cited = new ArrayList<>(c.earliest().subList(0, 1));
                c.latest().stream().limit(2).filter(r -> r.id() != cited.getFirst().id()).forEach(cited::add);
                yield view(say.firstRecorded(date(c.first())) + about + span(say, c.first(), c.last()) + ":"
                        + bullets(cited) + counted, cited);
            }
            case MOST -> most(say, q, subject, c, scope, zone, about, counted);
        });
    }

    private AskView most(AskMessages say, CountQuestion q, String subject, CountView c, AskRequest.Filters f,
            ZoneId zone, String about, String counted) {
        if (c.assets().isEmpty()) {
            return view(about + say.noneOnAsset() + bullets(c.latest()) + counted, c.latest());
        }
        var top = c.assets().getFirst();
        String others = c.assets().stream().skip(1).map(a -> a.asset() + ": " + a.records())
                .collect(Collectors.joining(", "));
        CountView mine = counts.count(q.subject(), filter(f, top.asset(), zone), EXAMPLES);
        List<RecordView> cited = mine == null ? c.latest() : mine.latest();
        return view(say.most(top.asset(), top.records(), c.count(), subject, others) + bullets(cited) + counted, cited);
    }

    private static AskView view(String text, List<RecordView> cited) {
        List<AskView.Retrieved> retrieved = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        for (RecordView r : cited) {
            retrieved.add(AskService.retrieved(retrieved.size() + 1, r, r.text(), 1.0));
            numbers.add(retrieved.size());
        }
        return new AskView(text, AskService.citations(numbers, retrieved), NAME, null, retrieved, List.of());
    }

    private static String bullets(List<RecordView> records) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < records.size(); i++) {
            RecordView r = records.get(i);
            String text = r.text().length() > 160 ? r.text().substring(0, 159) + "…" : r.text();
            sb.append("\n• ").append(date(r.occurredAt())).append(r.asset() == null ? "" : ", " + r.asset().id())
                    .append(": ").append(text).append(" [").append(i + 1).append("]");
        }
        return sb.toString();
    }

    private static String span(AskMessages say, OffsetDateTime first, OffsetDateTime last) {
        if (first == null || last == null) {
            return "";
        }
        return first.toLocalDate().equals(last.toLocalDate()) ? say.onDay(date(first))
                : say.fromTo(date(first), date(last));
    }

    private static String date(OffsetDateTime t) {
        return t == null ? "(no date)" : t.toLocalDate().toString();
    }

    /**
     * {@code ('left' | 'l/h') & 'magneto'} as "(left or l/h) and magneto"; {@code '3' <-> 'cyl'} as "3 followed by
     * cyl".
     */
    static String readable(String tsquery) {
        return tsquery.replace("'", "").replace(" | ", " or ").replace(" & ", " and ")
                .replace(" <-> ", " followed by ");
    }

    private static boolean filtered(AskRequest.Filters f) {
        return f.asset() != null || f.site() != null || f.kind() != null || f.source() != null || f.from() != null
                || f.to() != null || f.faultClass() != null;
    }

    private static RecordFilter filter(AskRequest.Filters f, String asset, ZoneId zone) {
        return ListParams.filter(asset, f.site(), f.kind(), f.source(), f.from(), f.to(), f.faultClass(), zone);
    }
}

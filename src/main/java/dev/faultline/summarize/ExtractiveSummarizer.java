package dev.faultline.summarize;

import dev.faultline.model.Embedder;
import dev.faultline.record.RecordView;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The built-in summarizer: every sentence of the records is embedded with the local model; sentences about the
 * same problem are grouped (so a repeated fault becomes one line, "12 × …"); groups are ranked by centrality (how
 * much of the input they stand for) and picked by maximal marginal relevance so lines do not repeat each other.
 * Each line keeps its records' dates and assets.
 */
@ApplicationScoped
public class ExtractiveSummarizer {

    private record Unit(String text, RecordView record, float[] vector) {}

    private static final class Group {
        final Unit first;
        final List<Unit> members = new ArrayList<>();
        double centrality;

        Group(Unit first) {
            this.first = first;
            members.add(first);
        }
    }

    private final Embedder embedder;
    private final SummaryConfig config;

    ExtractiveSummarizer(Embedder embedder, SummaryConfig config) {
        this.embedder = embedder;
        this.config = config;
    }

    List<SummaryView.Line> summarize(List<RecordView> records, int lines) {
        List<Unit> units = units(records);
        if (units.isEmpty()) {
            return List.of();
        }
        List<Group> groups = group(units);
        for (Group g : groups) {
            double sum = 0;
            for (Unit u : units) {
                sum += Math.max(0, Embedder.cosine(g.first.vector(), u.vector()));
            }
            g.centrality = sum / units.size() * Math.sqrt(records(g).size());
        }
        List<Group> chosen = new ArrayList<>();
        List<Group> left = new ArrayList<>(groups);
        while (chosen.size() < lines && !left.isEmpty()) {
            Group best = left.stream().max(Comparator.comparingDouble(g -> 0.7 * g.centrality
                    - 0.3 * chosen.stream().mapToDouble(c -> Embedder.cosine(c.first.vector(), g.first.vector())).max()
                            .orElse(0))).orElseThrow();
            chosen.add(best);
            left.remove(best);
        }
        return chosen.stream().map(ExtractiveSummarizer::line).toList();
    }

    private List<Unit> units(List<RecordView> records) {
        List<String> texts = new ArrayList<>();
        List<RecordView> owners = new ArrayList<>();
        for (RecordView r : records) {
            for (String s : Sentences.split(r.textWithFields())) {
                texts.add(s);
                owners.add(r);
            }
        }
        List<float[]> vectors = texts.isEmpty() ? List.of() : embedder.embed(texts, Embedder.Role.PASSAGE);
        List<Unit> units = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            units.add(new Unit(texts.get(i), owners.get(i), vectors.get(i)));
        }
        return units;
    }

    /** Greedy grouping: each sentence joins the first group whose first sentence is close enough. */
    private List<Group> group(List<Unit> units) {
        List<Group> groups = new ArrayList<>();
        for (Unit u : units) {
            Group home = null;
            for (Group g : groups) {
                if (Embedder.cosine(g.first.vector(), u.vector()) >= config.sameProblem()) {
                    home = g;
                    break;
                }
            }
            if (home == null) {
                groups.add(new Group(u));
            } else {
                home.members.add(u);
            }
        }
        return groups;
    }

    private static Set<Long> records(Group g) {
        Set<Long> ids = new LinkedHashSet<>();
        g.members.forEach(m -> ids.add(m.record().id()));
        return ids;
    }

    private static SummaryView.Line line(Group g) {
        List<Long> ids = List.copyOf(records(g));
        List<LocalDate> dates = g.members.stream().map(m -> m.record().occurredAt()).filter(Objects::nonNull)
                .map(t -> t.toLocalDate()).sorted().toList();
        List<String> assets = g.members.stream().map(m -> m.record().asset())
                .filter(Objects::nonNull).map(a -> a.name() != null ? a.name() : a.id()).distinct().limit(5).toList();
        String text = (ids.size() > 1 ? ids.size() + " × " : "") + g.first.text();
        return new SummaryView.Line(text, ids.size(), ids, dates.isEmpty() ? null : dates.getFirst(),
                dates.isEmpty() ? null : dates.getLast(), assets);
    }

}

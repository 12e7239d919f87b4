package dev.faultline.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.FieldInvertState;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.Version;

/**
 * Keyword candidates ordered by BM25: Apache Lucene's {@link BM25Similarity} (k1 1.2, b 0.75), its idf, length norm
 * and term-frequency saturation, over the words of the full-text index, with the document frequencies of the whole
 * table: a rare word weighs more than a common one, which PostgreSQL's {@code ts_rank} does not know. A record's score
 * is the sum of its words' scores, as a Lucene query of optional terms adds them. Lucene is given the table's
 * statistics (as a distributed Lucene search is given the whole collection's); the candidates supply their term counts
 * and lengths, and their average length stands for the table's.
 */
final class Bm25 {

    private static final String FIELD = "k";
    private static final BM25Similarity SIMILARITY = new BM25Similarity();

    /** A candidate: its length in index words (each distinct word once) and how often it holds each question word. */
    record Doc(int length, Map<String, Integer> counts) {}

    /**
     * @param words the question's index words (lexemes)
     * @param candidates the candidates, in the order to keep among equal scores
     * @param documentFrequencies how many records of the table hold each word (missing: counted among the candidates)
     * @param documents how many records the table holds
     * @return the candidates' ids, best first; those holding none of the words last, in the order given
     */
    static List<Long> rank(Collection<String> words, Map<Long, Doc> candidates, Map<String, Long> documentFrequencies,
            long documents) {
        List<Long> ids = new ArrayList<>(candidates.keySet());
        Map<Long, Double> scores = scores(words, candidates, documentFrequencies, documents);
        if (scores.isEmpty()) {
            return ids;
        }
        ids.sort(Comparator.comparingDouble((Long id) -> scores.get(id)).reversed()); // stable: ties keep their order
        return ids;
    }

    /** Each candidate's BM25 score over the question's words (as {@link #rank}); empty when there are no words. */
    static Map<Long, Double> scores(Collection<String> words, Map<Long, Doc> candidates,
            Map<String, Long> documentFrequencies, long documents) {
        Map<Long, Double> scores = new HashMap<>();
        if (candidates.isEmpty() || words.isEmpty()) {
            return scores;
        }
        long n = Math.max(documents, candidates.size());
        long lengths = candidates.values().stream().mapToLong(d -> Math.max(1, d.length())).sum();
        long total = Math.max(n, Math.round((double) lengths / candidates.size() * n));
        CollectionStatistics collection = new CollectionStatistics(FIELD, n, n, total, n);
        Map<String, Similarity.SimScorer> scorers = new HashMap<>();
        for (String w : words) {
            long local = candidates.values().stream().filter(d -> d.counts().containsKey(w)).count();
            long df = Math.min(n, Math.max(Math.max(1, local), documentFrequencies.getOrDefault(w, 0L)));
            scorers.put(w, SIMILARITY.scorer(1f, collection, new TermStatistics(new BytesRef(w), df, df)));
        }
        candidates.forEach((id, d) -> {
            long norm = SIMILARITY.computeNorm(new FieldInvertState(Version.LATEST.major, FIELD,
                    IndexOptions.DOCS_AND_FREQS, 0, Math.max(1, d.length()), 0, 0, 0, 0));
            double score = 0;
            for (Map.Entry<String, Integer> c : d.counts().entrySet()) {
                Similarity.SimScorer scorer = scorers.get(c.getKey());
                if (scorer != null && c.getValue() > 0) {
                    score += scorer.score(c.getValue(), norm);
                }
            }
            scores.put(id, score);
        });
        return scores;
    }
}

// Trains the search reranker (dev.faultline.search.Reranker): a pairwise logistic regression (LIBLINEAR) over the
// features of judged hybrid candidates, written by bench/rerank-features.mjs. Queries are split into folds by type
// (fixed seed) so that bench/rerank-train.sh can judge each fold's queries with a model that never saw them.
//   java bench/RerankTrain.java folds FEATURES.tsv                 each fold's query ids, one line per fold
//   java bench/RerankTrain.java train FEATURES.tsv OUT.model [K]   trains on every query not in fold K (all: none left out)
// C (regularisation) is chosen among a few values by the P@10 of the candidate lists in an inner cross-validation over
// the training queries only. Prints the chosen C and the inner P@10 of the fused order and of the model's.
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import dev.faultline.search.PairwiseRanking;
import dev.faultline.search.PairwiseRanking.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

public class RerankTrain {

    static final int FOLDS = 5;
    static final long SEED = 20261207L;
    static final double[] C = {0.001, 0.01, 0.1, 1, 10};

    record Query(String id, String type, List<Row> rows) {}

    public static void main(String[] args) throws Exception {
        Linear.disableDebugOutput();
        List<Query> queries = read(Path.of(args[1]));
        Map<String, Integer> fold = folds(queries);
        if (args[0].equals("folds")) {
            for (int k = 0; k < FOLDS; k++) {
                int f = k;
                System.out.println(String.join(",", queries.stream().filter(q -> fold.get(q.id()) == f)
                        .map(Query::id).toList()));
            }
            return;
        }
        int leftOut = args.length > 3 ? Integer.parseInt(args[3]) : -1;
        List<Query> training = queries.stream().filter(q -> fold.get(q.id()) != leftOut).toList();
        double best = Double.NaN;
        double bestScore = -1;
        for (double c : C) {
            double score = innerCv(training, c);
            System.out.printf(Locale.ROOT, "  C=%-6s inner P@10 %.3f%n", c, score);
            if (score > bestScore) {
                bestScore = score;
                best = c;
            }
        }
        Model model = train(training, best);
        Linear.saveModel(Path.of(args[2]), model);
        System.out.printf(Locale.ROOT, "trained on %d queries (fold %s left out): C=%s, inner P@10 fused %.3f, reranked %.3f"
                + " -> %s%n", training.size(), leftOut < 0 ? "none" : leftOut, best, fusedP10(training), bestScore, args[2]);
    }

    /** Each query's fold: shuffled within its type (fixed seed), then dealt out in turn. */
    static Map<String, Integer> folds(List<Query> queries) {
        Map<String, List<String>> byType = new TreeMap<>();
        queries.forEach(q -> byType.computeIfAbsent(q.type(), t -> new ArrayList<>()).add(q.id()));
        Random random = new Random(SEED);
        Map<String, Integer> fold = new LinkedHashMap<>();
        int next = 0;
        for (List<String> ids : byType.values()) {
            Collections.sort(ids);
            Collections.shuffle(ids, random);
            for (String id : ids) {
                fold.put(id, next++ % FOLDS);
            }
        }
        return fold;
    }

    static double innerCv(List<Query> training, double c) {
        Map<String, Integer> inner = folds(training);
        double sum = 0;
        for (int k = 0; k < FOLDS; k++) {
            int f = k;
            Model m = train(training.stream().filter(q -> inner.get(q.id()) != f).toList(), c);
            sum += training.stream().filter(q -> inner.get(q.id()) == f).mapToDouble(q -> p10(m, q)).sum();
        }
        return sum / training.size();
    }

    /** The app's own pairwise training (target/classes on the class path), so the shipped model is trained as the app trains. */
    static Model train(List<Query> queries, double c) {
        return PairwiseRanking.train(queries.stream().map(q -> new PairwiseRanking.Judged(q.id(), q.rows())).toList(), c,
                SEED);
    }

    static double p10(Model m, Query q) {
        double[] v = PairwiseRanking.values(m, q.rows());
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> v[i]).reversed());
        return order.stream().limit(10).filter(i -> q.rows().get(i).relevant()).count() / 10.0;
    }

    static double fusedP10(List<Query> queries) {
        return queries.stream().mapToDouble(q -> q.rows().stream().limit(10).filter(Row::relevant).count() / 10.0)
                .average().orElse(0);
    }

    static List<Query> read(Path tsv) throws Exception {
        Map<String, Query> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(tsv).subList(1, Files.readAllLines(tsv).size())) {
            String[] f = line.split("\t");
            double[] x = new double[f.length - 3];
            for (int i = 0; i < x.length; i++) {
                x[i] = Double.parseDouble(f[i + 3]);
            }
            out.computeIfAbsent(f[0], id -> new Query(id, f[1], new ArrayList<>()))
                    .rows().add(new Row(Integer.parseInt(f[2]) == 1, x));
        }
        return new ArrayList<>(out.values());
    }
}

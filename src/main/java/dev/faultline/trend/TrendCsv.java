package dev.faultline.trend;

import dev.faultline.record.RecordCsv;
import dev.faultline.record.StatsView;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The tables of a {@link TrendView} as CSV, the numbers the charts draw. */
public final class TrendCsv {

    public static final List<String> TABLES = List.of("series", "pareto", "mtbf");

    private TrendCsv() {}

    public static void write(TrendView view, String table, OutputStream out) throws IOException {
        try (CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.DEFAULT)) {
            switch (table) {
                case "series" -> series(view, csv);
                case "pareto" -> {
                    csv.printRecord(view.by(), "records", "share_percent", "cumulative_percent");
                    for (TrendView.ParetoRow r : view.pareto()) {
                        csv.printRecord(RecordCsv.safe(r.key()), r.count(), r.share(), r.cumulative());
                    }
                }
                default -> {
                    csv.printRecord("asset", "fault_class", "records", "first", "last", "mtbf_days");
                    for (StatsView.Mtbf m : view.mtbf()) {
                        csv.printRecord(RecordCsv.safe(m.asset()), m.faultClass(), m.failures(), m.first(), m.last(),
                                Math.round(m.mtbfDays() * 10) / 10.0);
                    }
                }
            }
        }
    }

    private static void series(TrendView view, CSVPrinter csv) throws IOException {
        List<Object> head = new ArrayList<>(List.of(view.interval() + "_start"));
        view.keys().forEach(k -> head.add(RecordCsv.safe(k)));
        head.add("total");
        csv.printRecord(head);
        for (TrendView.Point p : view.series()) {
            List<Object> row = new ArrayList<>(List.of(p.start()));
            view.keys().forEach(k -> row.add(p.counts().get(k)));
            row.add(p.total());
            csv.printRecord(row);
        }
    }
}

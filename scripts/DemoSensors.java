// Builds the sensor part of the demo from the reference data in data/ (run by scripts/load-demo.sh with the
// JDK alone: java scripts/DemoSensors.java <out-dir>). Deterministic: the same files every time.
//   cmapss-history.csv  NASA C-MAPSS FD001 training engines (ran to failure), wide layout, one row per cycle
//   cmapss-live.csv     FD001 test engines (stopped before failure): the "live" fleet
//   ai4i-machines.csv   AI4I 2020's 10,000 snapshots dealt to 10 machines, one snapshot per hour
//   sensor-failures.jsonl  SYNTHETIC failure records: one at the last cycle of each training engine, one per
//                       AI4I snapshot labelled "machine failure" (its failure types in fields.failure_type).
//                       Both datasets are simulations with no maintenance text; these records exist so that the
//                       app can learn from "records tagged failure" like it would from real work orders. They are
//                       tagged 'synthetic' and their source says so.
//   sensor-assets.tsv   id <TAB> JSON body for PUT /api/v1/assets/{id} (the live engines and the machines)
// Cycles become times at import: cycleStart + cycle x 1 hour (history fleet from 2025-06-01, live fleet from
// 2026-11-01); AI4I snapshot i of a machine is 2026-10-01 + i hours.
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

public class DemoSensors {

    static final Instant HISTORY_START = Instant.parse("2025-06-01T00:00:00Z");
    static final Instant MACHINES_START = Instant.parse("2026-10-01T00:00:00Z");

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "var/demo");
        Files.createDirectories(out);
        try (PrintWriter failures = new PrintWriter(Files.newBufferedWriter(out.resolve("sensor-failures.jsonl")));
                PrintWriter assets = new PrintWriter(Files.newBufferedWriter(out.resolve("sensor-assets.tsv")))) {
            Map<Integer, Integer> lastCycle = engines("data/cmapss/train_FD001.txt", out.resolve("cmapss-history.csv"), "H");
            lastCycle.forEach((unit, cycle) -> failures.println(engineFailure(unit, cycle)));
            engines("data/cmapss/test_FD001.txt", out.resolve("cmapss-live.csv"), "E")
                    .keySet().forEach(unit -> assets.println(engineAsset("E", unit)));
            machines(out.resolve("ai4i-machines.csv"), failures, assets);
        }
    }

    static String site(int unit) {
        return unit % 2 == 1 ? "Hangar East" : "Hangar West";
    }

    static String engineId(String fleet, int unit) {
        return "FD001-%s%03d".formatted(fleet, unit);
    }

    static String engineAsset(String fleet, int unit) {
        return engineId(fleet, unit) + "\t" + ("{\"name\":\"Turbofan %s (C-MAPSS FD001 %s unit %d, simulated)\","
                + "\"type\":\"turbofan\",\"site\":\"%s\"}").formatted(engineId(fleet, unit),
                fleet.equals("H") ? "training" : "test", unit, site(unit));
    }

    /** Unit -> last cycle; writes the wide CSV (asset, cycle, s1..s21). */
    static Map<Integer, Integer> engines(String file, Path csv, String fleet) throws Exception {
        Map<Integer, Integer> last = new TreeMap<>();
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(csv))) {
            StringBuilder header = new StringBuilder("asset,cycle");
            for (int s = 1; s <= 21; s++) {
                header.append(",s").append(s);
            }
            w.println(header);
            for (String line : Files.readAllLines(Path.of(file))) {
                if (line.isBlank()) {
                    continue;
                }
                String[] p = line.strip().split("\\s+");
                int unit = Integer.parseInt(p[0]);
                StringBuilder row = new StringBuilder(engineId(fleet, unit)).append(',').append(p[1]);
                for (int s = 5; s < 26; s++) {
                    row.append(',').append(p[s]);
                }
                w.println(row);
                last.merge(unit, Integer.parseInt(p[1]), Math::max);
            }
        }
        return last;
    }

    /**
     * Why a failure record exists although no technician wrote it: kept in a field, not in the text, so the
     * summaries and digests of the demo summarise failures rather than this sentence repeated on every record.
     */
    static final String NOTE = "Generated for the demo; no technician wrote this. ";

    static String engineFailure(int unit, int cycle) {
        String id = engineId("H", unit);
        Instant at = HISTORY_START.plus(cycle, ChronoUnit.HOURS);
        return ("{\"source\":\"synthetic-cmapss\",\"externalId\":\"%s-end-of-life\",\"kind\":\"work_order\","
                + "\"asset\":{\"id\":\"%s\",\"name\":\"Turbofan %s (C-MAPSS FD001 training unit %d, simulated)\","
                + "\"type\":\"turbofan\",\"site\":\"%s\"},\"occurredAt\":\"%s\","
                + "\"title\":\"Engine removed at end of life (synthetic record)\","
                + "\"text\":\"SYNTHETIC RECORD: engine %s reached failure at cycle %d of NASA's C-MAPSS FD001"
                + " simulation (HPC degradation) and was removed.\","
                + "\"fields\":{\"failure_type\":\"HPC degradation\",\"cycle\":\"%d\",\"synthetic_note\":\"" + NOTE
                + "It marks the end of the simulated run, so that the RUL model has a failure to learn from.\"},"
                + "\"tags\":[\"failure\",\"synthetic\"],\"language\":\"en\"}")
                .formatted(id, id, id, unit, site(unit), at, id, cycle, cycle);
    }

    static void machines(Path csv, PrintWriter failures, PrintWriter assets) throws Exception {
        List<String> lines = Files.readAllLines(Path.of("data/ai4i2020/ai4i2020.csv"));
        String[] types = {"TWF", "HDF", "PWF", "OSF", "RNF"};
        String[] names = {"tool wear failure", "heat dissipation failure", "power failure", "overstrain failure",
            "random failure"};
        for (int m = 1; m <= 10; m++) {
            assets.println(machine(m) + "\t{\"name\":\"Milling machine " + m + " (AI4I 2020 snapshots, simulated)\","
                    + "\"type\":\"milling machine\",\"site\":\"Plant 2\",\"line\":\"Line " + ((m - 1) / 5 + 1) + "\"}");
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(csv))) {
            w.println("asset,time,quality_variant,air_temperature,process_temperature,rotational_speed,torque,tool_wear");
            for (int i = 1; i < lines.size(); i++) {
                String[] p = lines.get(i).split(",");
                int row = i - 1;
                String machine = machine(row % 10 + 1);
                Instant at = MACHINES_START.plus(row / 10, ChronoUnit.HOURS);
                w.println(String.join(",", machine, at.toString(), String.valueOf("LMH".indexOf(p[2].strip())), p[3],
                        p[4], p[5], p[6], p[7]));
                if (p[8].equals("1")) {
                    StringBuilder t = new StringBuilder();
                    StringBuilder said = new StringBuilder();
                    for (int k = 0; k < types.length; k++) {
                        if (p[9 + k].equals("1")) {
                            t.append(t.isEmpty() ? "" : ",").append(types[k]);
                            said.append(said.isEmpty() ? "" : ", ").append(names[k]).append(" (").append(types[k]).append(')');
                        }
                    }
                    failures.println(("{\"source\":\"synthetic-ai4i\",\"externalId\":\"udi-%s\",\"kind\":\"maintenance_log\","
                            + "\"asset\":{\"id\":\"%s\"},\"occurredAt\":\"%s\","
                            + "\"title\":\"Machine failure (synthetic record)\","
                            + "\"text\":\"SYNTHETIC RECORD from AI4I 2020 snapshot %s (product %s):"
                            + " machine failure%s.\","
                            + "\"fields\":{\"failure_type\":\"%s\",\"udi\":\"%s\",\"synthetic_note\":\"" + NOTE
                            + "It carries the dataset's failure label, so that the failure-risk model has failures to learn from.\"},"
                            + "\"tags\":[\"failure\",\"synthetic\"],\"language\":\"en\"}")
                            .formatted(p[0], machine, at, p[0], p[1], said.isEmpty() ? " (no failure type given)" : ": " + said,
                                    t, p[0]));
                }
            }
        }
    }

    static String machine(int m) {
        return "AI4I-M%02d".formatted(m);
    }
}

package dev.faultline.classify;

import dev.faultline.model.ModelManifest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The failure modes records are classified into: label, ISO 14224 code and description, from a tab-separated
 * file ({@code classpath:} or a path; lines starting with {@code #} are comments).
 */
public record Taxonomy(String source, List<FaultClass> classes) {

    /** One failure mode. */
    public record FaultClass(String label, String code, String description) {}

    public static Taxonomy load(String location) {
        String text;
        try (InputStream in = ModelManifest.open(location)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("faultline.classify.taxonomy: cannot read " + location, e);
        }
        List<FaultClass> classes = new ArrayList<>();
        int line = 0;
        for (String row : text.split("\n")) {
            line++;
            if (row.isBlank() || row.startsWith("#")) {
                continue;
            }
            String[] cells = row.split("\t", -1);
            if (cells.length != 3 || cells[0].isBlank()) {
                throw new IllegalStateException("faultline.classify.taxonomy: " + location + " line " + line
                        + ": expected label<TAB>code<TAB>description");
            }
            classes.add(new FaultClass(cells[0].strip(), cells[1].strip(), cells[2].strip()));
        }
        if (classes.isEmpty()) {
            throw new IllegalStateException("faultline.classify.taxonomy: " + location + " has no classes");
        }
        return new Taxonomy(location, List.copyOf(classes));
    }

    /** Identifies the taxonomy's content: a model trained on another taxonomy is not used for this one. */
    public String key() {
        StringBuilder sb = new StringBuilder();
        classes.forEach(c -> sb.append(c.label()).append('\t').append(c.description()).append('\n'));
        return "taxonomy-" + Integer.toHexString(sb.toString().hashCode()) + "-" + classes.size();
    }

    public List<String> labels() {
        return classes.stream().map(FaultClass::label).toList();
    }

    public Optional<FaultClass> find(String label) {
        return classes.stream().filter(c -> c.label().equals(label)).findFirst();
    }
}

package dev.faultline.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What a model is and where its files are: name, version, ONNX file, tokenizer, dimensions, pooling, limits and
 * prefixes. Locations are {@code classpath:...} (inside a Maven artifact) or file paths.
 */
public record ModelManifest(
        String name,
        String version,
        String onnx,
        String tokenizer,
        String sha256,
        int dimensions,
        String pooling,
        boolean normalize,
        int maxTokens,
        String queryPrefix,
        String passagePrefix) {

    /** {@code name@version}, stored with every vector. */
    public String id() {
        return name + "@" + version;
    }

    static ModelManifest load(String location) {
        Properties p = new Properties();
        try (InputStream in = open(location)) {
            // UTF-8, not Properties' default ISO-8859-1: a model's query prefix may be Chinese
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("faultline.model.embedding-manifest: cannot read " + location, e);
        }
        return new ModelManifest(required(p, "name", location), required(p, "version", location),
                required(p, "onnx", location), required(p, "tokenizer", location), p.getProperty("sha256", ""),
                Integer.parseInt(required(p, "dimensions", location)), p.getProperty("pooling", "mean"),
                Boolean.parseBoolean(p.getProperty("normalize", "true")),
                Integer.parseInt(p.getProperty("max-tokens", "256")), p.getProperty("query-prefix", ""),
                p.getProperty("passage-prefix", ""));
    }

    /** Opens a {@code classpath:} resource or a file (model files, and other configured resources). */
    public static InputStream open(String location) throws IOException {
        if (location.startsWith("classpath:")) {
            String resource = location.substring("classpath:".length());
            InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
            if (in == null) {
                throw new IOException("no classpath resource " + resource);
            }
            return in;
        }
        return Files.newInputStream(Path.of(location));
    }

    private static String required(Properties p, String key, String location) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("model manifest " + location + " lacks '" + key + "'");
        }
        return v.strip();
    }
}

package dev.faultline.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.model.Embedder;
import dev.faultline.security.Tokens;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns claimed records into the vectors to store: each record's passage (title, text, the fields that add
 * something) cut into chunks; each distinct chunk the current model has not embedded before goes to the model
 * once, the others get the stored vector ({@code faultline.index.reuse-vectors}).
 */
@ApplicationScoped
class PassageEmbedder {

    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {};

    private final IndexRepository repository;
    private final Embedder embedder;
    private final IndexConfig config;
    private final ObjectMapper json;
    private final Counter embeddedPassages;
    private final Counter reusedPassages;

    PassageEmbedder(IndexRepository repository, Embedder embedder, IndexConfig config, ObjectMapper json,
            MeterRegistry metrics) {
        this.repository = repository;
        this.embedder = embedder;
        this.config = config;
        this.json = json;
        this.embeddedPassages = Counter.builder("faultline.index.passages").tag("source", "model")
                .description("Passages the indexer embedded with the model").register(metrics);
        this.reusedPassages = Counter.builder("faultline.index.passages").tag("source", "reused")
                .description("Passages the indexer gave a vector stored for the same text"
                        + " (faultline.index.reuse-vectors)")
                .register(metrics);
    }

    /** The vectors of these records' passages, ready to store. */
    List<IndexRepository.Vector> vectors(List<IndexRepository.Pending> records) throws SQLException {
        List<String> passages = new ArrayList<>();
        List<IndexRepository.Vector> owners = new ArrayList<>();
        for (IndexRepository.Pending p : records) {
            List<String> chunks = chunks(p);
            for (int i = 0; i < chunks.size(); i++) {
                passages.add(chunks.get(i));
                owners.add(new IndexRepository.Vector(p.recordId(), i, p.contentHash(), hash(chunks.get(i)), null));
            }
        }
        List<float[]> vectors = embed(passages, owners.stream().map(IndexRepository.Vector::passageHash).toList());
        List<IndexRepository.Vector> rows = new ArrayList<>(owners.size());
        for (int i = 0; i < owners.size(); i++) {
            IndexRepository.Vector o = owners.get(i);
            rows.add(new IndexRepository.Vector(o.recordId(), o.chunk(), o.contentHash(), o.passageHash(),
                    vectors.get(i)));
        }
        return rows;
    }

    /** A record's passage cut into the chunks to embed, each led by its {@link #context}. */
    List<String> chunks(IndexRepository.Pending p) {
        String context = context(p);
        return Chunker.chunks(passage(p), config.chunkWords(), config.chunkOverlapWords()).stream()
                .map(chunk -> context + chunk).toList();
    }

    private List<float[]> embed(List<String> passages, List<String> hashes) throws SQLException {
        if (!config.reuseVectors()) {
            embeddedPassages.increment(passages.size());
            return embedder.embedInBackground(passages, config.workers());
        }
        Map<String, float[]> byHash = repository.stored(hashes, embedder.modelId());
        List<Integer> toModel = new ArrayList<>(); // the first of each passage not stored yet
        Set<String> sent = new HashSet<>();
        for (int i = 0; i < passages.size(); i++) {
            if (!byHash.containsKey(hashes.get(i)) && sent.add(hashes.get(i))) {
                toModel.add(i);
            }
        }
        List<float[]> made = toModel.isEmpty() ? List.of()
                : embedder.embedInBackground(toModel.stream().map(passages::get).toList(), config.workers());
        for (int k = 0; k < toModel.size(); k++) {
            byHash.put(hashes.get(toModel.get(k)), made.get(k));
        }
        embeddedPassages.increment(toModel.size());
        reusedPassages.increment(passages.size() - toModel.size());
        return hashes.stream().map(byHash::get).toList();
    }

    /** What a passage's stored vectors are found by: the first 16 bytes of its SHA-256, as hex. */
    static String hash(String passage) {
        return Tokens.sha256(passage).substring(0, 32);
    }

    /**
     * What leads each embedded passage of a record: its asset's type when the record does not name it (many name
     * the device only in their asset: "Tablet" for "screen cracked"), else nothing.
     */
    static String context(IndexRepository.Pending p) {
        return p.assetType() != null && !names(p, p.assetType()) ? p.assetType() + ": " : "";
    }

    /** What gets embedded, in passages each led by its {@link #context}: the title, the text, and the fields that add something to it. */
    String passage(IndexRepository.Pending p) {
        StringBuilder sb = new StringBuilder();
        if (p.title() != null) {
            sb.append(p.title()).append(". ");
        }
        sb.append(p.text());
        try {
            for (String value : json.readValue(p.fieldsJson(), FIELDS).values()) {
                if (value != null && !p.text().contains(value)) {
                    sb.append(". ").append(value);
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the record's stored fields are not an object of texts", e);
        }
        return sb.toString();
    }

    private static boolean names(IndexRepository.Pending p, String word) {
        String w = word.toLowerCase(java.util.Locale.ROOT);
        return p.text().toLowerCase(java.util.Locale.ROOT).contains(w)
                || (p.title() != null && p.title().toLowerCase(java.util.Locale.ROOT).contains(w));
    }
}

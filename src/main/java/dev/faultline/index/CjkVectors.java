package dev.faultline.index;

import dev.faultline.model.CjkEmbedder;
import dev.faultline.model.Embedder;
import dev.faultline.search.Cjk;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The second vectors of records written in Chinese, Japanese or Korean script, from the CJK model ({@link
 * CjkEmbedder}), made in the same batch as the main ones: the same passages (chunks and asset context), stored in
 * their own table. Every record of a batch loses its old CJK vectors, so one edited into English keeps none.
 */
@ApplicationScoped
class CjkVectors {

    private final CjkEmbedder cjk;
    private final PassageEmbedder passages;
    private final IndexRepository repository;
    private final IndexConfig config;
    private volatile boolean checked;

    CjkVectors(CjkEmbedder cjk, PassageEmbedder passages, IndexRepository repository, IndexConfig config) {
        this.cjk = cjk;
        this.passages = passages;
        this.repository = repository;
        this.config = config;
    }

    /** The CJK model's id without loading it (for the start-up queue), when one is configured. */
    Optional<String> modelId() {
        return cjk.modelId();
    }

    /** Embeds the CJK records among these and replaces the batch's CJK vectors, in the caller's transaction. */
    void store(List<IndexRepository.Pending> records) throws SQLException {
        List<IndexRepository.Pending> written = records.stream()
                .filter(p -> Cjk.has(p.text()) || Cjk.has(p.title())).toList();
        Optional<Embedder> model = written.isEmpty() ? Optional.empty() : cjk.get();
        List<Long> ids = records.stream().map(IndexRepository.Pending::recordId).toList();
        if (model.isEmpty()) {
            repository.replaceCjk(ids, List.of(), null);
            return;
        }
        check(model.get());
        List<String> texts = new ArrayList<>();
        List<IndexRepository.Vector> owners = new ArrayList<>();
        for (IndexRepository.Pending p : written) {
            List<String> chunks = passages.chunks(p);
            for (int i = 0; i < chunks.size(); i++) {
                texts.add(chunks.get(i));
                owners.add(new IndexRepository.Vector(p.recordId(), i, p.contentHash(), null, null));
            }
        }
        List<float[]> vectors = model.get().embedInBackground(texts, config.workers());
        List<IndexRepository.Vector> rows = new ArrayList<>(owners.size());
        for (int i = 0; i < owners.size(); i++) {
            IndexRepository.Vector o = owners.get(i);
            rows.add(new IndexRepository.Vector(o.recordId(), o.chunk(), o.contentHash(), null, vectors.get(i)));
        }
        repository.replaceCjk(ids, rows, model.get().modelId());
    }

    /** The model's dimension against the table's column, once, with a message that says what to do. */
    private void check(Embedder model) throws SQLException {
        if (checked) {
            return;
        }
        String column = repository.vectorColumnType("record_embeddings_cjk");
        if (!column.equals("vector(" + model.dimensions() + ")")) {
            throw new IllegalStateException("faultline.model.cjk-embedding-manifest: " + model.modelId() + " makes "
                    + model.dimensions() + "-dimensional vectors but record_embeddings_cjk holds " + column
                    + "; add a migration for the new dimension");
        }
        checked = true;
    }
}

package dev.faultline.classify;

import dev.faultline.db.Jdbc;
import dev.faultline.db.Vectors;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** SQL of fault classification: models, training runs, the classify queue, record labels and corrections. */
@ApplicationScoped
public class ClassifierRepository {

    /**
     * A record waiting for classification, with its text and the mean of its chunk vectors: the main model's and
     * (for CJK text; else null) the CJK model's.
     */
    record Queued(long recordId, String text, float[] vector, String site, String kind, float[] cjkVector) {}

    record StoredModel(int version, OffsetDateTime createdAt, String embeddingModel, String taxonomy, int examples,
            int corrections, byte[] payload) {}

    record Correction(long recordId, String text, String label) {}

    private static final String CLAIM =
            """
            SELECT q.record_id, concat_ws('. ', r.title, r.text),
                   (SELECT avg(e.embedding)::text FROM record_embeddings e WHERE e.record_id = q.record_id), r.site,
                   r.kind, (SELECT avg(c.embedding)::text FROM record_embeddings_cjk c WHERE c.record_id = q.record_id)
              FROM classify_queue q JOIN records r ON r.id = q.record_id
             ORDER BY q.enqueued_at
             LIMIT ? FOR UPDATE OF q SKIP LOCKED
            """;
    private static final String LABEL =
            """
            INSERT INTO record_faults AS f (record_id, fault_class, fault_confidence, fault_source, fault_model,
                   fault_detail, fault_classified_at)
            SELECT l.id, l.label, l.confidence, 'model', l.model, l.detail::jsonb, now()
              FROM unnest(?::bigint[], ?::text[], ?::real[], ?::text[], ?::text[]) AS l (id, label, confidence, detail,
                   model)
             WHERE EXISTS (SELECT 1 FROM records r WHERE r.id = l.id)
            ON CONFLICT (record_id) DO UPDATE SET fault_class = excluded.fault_class,
                   fault_confidence = excluded.fault_confidence, fault_source = 'model', fault_model = excluded.fault_model,
                   fault_detail = excluded.fault_detail, fault_classified_at = now()
             WHERE f.fault_source <> 'engineer'
            """;

    /** A model's label for a record, and the model's name. */
    record Label(long recordId, String label, double confidence, String detailJson, String model) {}
    private static final String MODEL_COLUMNS =
            "version, created_at, embedding_model, taxonomy, examples, corrections";
    private static final String RUN_COLUMNS =
            "id, status, progress, requested_by, model_version, message, created_at, started_at, finished_at";

    private final DataSource dataSource;

    ClassifierRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    List<Queued> claim(int limit) {
        return Jdbc.list(dataSource, "claiming records to classify",
                rs -> new Queued(rs.getLong(1), rs.getString(2), Vectors.read(rs.getString(3)), rs.getString(4),
                        rs.getString(5), Vectors.read(rs.getString(6))), CLAIM,
                limit);
    }

    /**
     * Stores a model's labels (one statement for the batch) except where an engineer has set one, and takes the
     * records off the queue (claimed records without a vector too: re-embedding queues them again).
     */
    void label(List<Label> labels, List<Long> claimed) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(LABEL);
                PreparedStatement done = c.prepareStatement("DELETE FROM classify_queue WHERE record_id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("bigint", labels.stream().map(Label::recordId).toArray()));
            ps.setArray(2, c.createArrayOf("text", labels.stream().map(Label::label).toArray()));
            ps.setArray(3, c.createArrayOf("real", labels.stream().map(l -> (float) l.confidence()).toArray()));
            ps.setArray(4, c.createArrayOf("text", labels.stream().map(Label::detailJson).toArray()));
            ps.setArray(5, c.createArrayOf("text", labels.stream().map(Label::model).toArray()));
            ps.executeUpdate();
            done.setArray(1, c.createArrayOf("bigint", claimed.toArray()));
            done.executeUpdate();
        }
    }

    /**
     * Queues the embedded records whose label came from a model (or that have none) for a new model: every kind,
     * or only {@code kind} when given.
     */
    int enqueueModelLabelled(String kind) {
        return Jdbc.update(dataSource, "queueing records for reclassification",
                """
                INSERT INTO classify_queue (record_id)
                SELECT DISTINCT e.record_id FROM record_embeddings e JOIN records r ON r.id = e.record_id
                 WHERE (?::text IS NULL OR r.kind = ?)
                   AND NOT EXISTS (SELECT 1 FROM record_faults f WHERE f.record_id = r.id AND f.fault_source = 'engineer')
                ON CONFLICT (record_id) DO NOTHING
                """, kind, kind);
    }

    /** Every site's own labels (sites without rows use the whole taxonomy and are absent). */
    java.util.Map<String, java.util.Set<String>> siteLabels() {
        java.util.Map<String, java.util.Set<String>> out = new java.util.HashMap<>();
        Jdbc.list(dataSource, "reading site fault classes", rs -> new String[] {rs.getString(1), rs.getString(2)},
                "SELECT site, label FROM site_fault_classes")
                .forEach(r -> out.computeIfAbsent(r[0], s -> new java.util.HashSet<>()).add(r[1]));
        return out;
    }

    java.util.Set<String> siteLabels(String site) {
        return new java.util.HashSet<>(Jdbc.list(dataSource, "reading site fault classes", rs -> rs.getString(1),
                "SELECT label FROM site_fault_classes WHERE site = ?", site));
    }

    /** Replaces a site's labels and queues its model-labelled records for reclassification. */
    int replaceSiteLabels(String site, List<String> labels) {
        Jdbc.update(dataSource, "replacing site fault classes", "DELETE FROM site_fault_classes WHERE site = ?", site);
        for (String label : labels) {
            Jdbc.update(dataSource, "replacing site fault classes",
                    "INSERT INTO site_fault_classes (site, label) VALUES (?, ?) ON CONFLICT DO NOTHING", site, label);
        }
        return Jdbc.update(dataSource, "queueing a site's records for reclassification",
                """
                INSERT INTO classify_queue (record_id)
                SELECT DISTINCT e.record_id FROM record_embeddings e JOIN records r ON r.id = e.record_id
                 WHERE r.site = ?
                   AND NOT EXISTS (SELECT 1 FROM record_faults f WHERE f.record_id = r.id AND f.fault_source = 'engineer')
                ON CONFLICT (record_id) DO NOTHING
                """, site);
    }

    long queued() {
        return Jdbc.number(dataSource, "counting the classify queue", "SELECT count(*) FROM classify_queue");
    }

    /** The record's current label and source (nulls when unclassified), locked; empty: no such record. */
    Optional<String[]> lockLabel(long recordId) {
        return Jdbc.list(dataSource, "reading a record's fault class",
                        rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)},
                        """
                        SELECT f.fault_class, f.fault_source, r.kind FROM records r
                          LEFT JOIN record_faults f ON f.record_id = r.id
                         WHERE r.id = ? FOR UPDATE OF r
                        """, recordId)
                .stream().findFirst();
    }

    OffsetDateTime correct(long recordId, String previous, String previousSource, String label, String actor) {
        Jdbc.update(dataSource, "correcting a fault class",
                """
                INSERT INTO record_faults (record_id, fault_class, fault_confidence, fault_source)
                VALUES (?, ?, 1, 'engineer')
                ON CONFLICT (record_id) DO UPDATE SET fault_class = excluded.fault_class, fault_confidence = 1,
                       fault_source = 'engineer', fault_model = NULL, fault_detail = NULL, fault_classified_at = now()
                """, recordId, label);
        Jdbc.update(dataSource, "recording a correction", "DELETE FROM classify_queue WHERE record_id = ?", recordId);
        return Jdbc.list(dataSource, "recording a correction", rs -> rs.getObject(1, OffsetDateTime.class),
                        """
                        INSERT INTO fault_class_corrections (record_id, previous_label, previous_source, label, actor)
                        VALUES (?, ?, ?, ?, ?) RETURNING corrected_at
                        """, recordId, previous, previousSource, label, actor)
                .getFirst();
    }

    List<CorrectionView> corrections(long recordId) {
        return Jdbc.list(dataSource, "reading corrections",
                rs -> new CorrectionView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class)),
                """
                SELECT record_id, label, previous_label, previous_source, actor, corrected_at
                  FROM fault_class_corrections WHERE record_id = ? ORDER BY id DESC
                """, recordId);
    }

    /** Engineers' labels: the examples they add to the next training. */
    List<Correction> engineerLabels() {
        return Jdbc.list(dataSource, "reading corrected records",
                rs -> new Correction(rs.getLong(1), rs.getString(2), rs.getString(3)),
                "SELECT r.id, concat_ws('. ', r.title, r.text), f.fault_class FROM records r"
                        + " JOIN record_faults f ON f.record_id = r.id WHERE f.fault_source = 'engineer' ORDER BY r.id");
    }

    int saveModel(String embeddingModel, String taxonomy, int examples, int corrections, byte[] payload) {
        return (int) Jdbc.number(dataSource, "storing a classifier model",
                """
                INSERT INTO classifier_models (embedding_model, taxonomy, examples, corrections, payload)
                VALUES (?, ?, ?, ?, ?) RETURNING version
                """, embeddingModel, taxonomy, examples, corrections, payload);
    }

    Optional<StoredModel> latestModel(String embeddingModel, String taxonomy) {
        return Jdbc.list(dataSource, "reading the classifier model",
                        rs -> new StoredModel(rs.getInt(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                                rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getBytes(7)),
                        "SELECT " + MODEL_COLUMNS + ", payload FROM classifier_models"
                                + " WHERE embedding_model = ? AND taxonomy = ? ORDER BY version DESC LIMIT 1",
                        embeddingModel, taxonomy)
                .stream().findFirst();
    }

    long latestVersion() {
        return Jdbc.number(dataSource, "reading the classifier version",
                "SELECT coalesce(max(version), 0) FROM classifier_models");
    }

    TrainingRunView createRun(String actor) {
        return Jdbc.list(dataSource, "queueing a training run", ClassifierRepository::run,
                "INSERT INTO classifier_runs (status, requested_by) VALUES ('queued', ?) RETURNING " + RUN_COLUMNS,
                actor).getFirst();
    }

    /** Takes the oldest queued run (one instance gets it) and marks it running. */
    Optional<TrainingRunView> startNextRun() {
        return Jdbc.list(dataSource, "starting a training run", ClassifierRepository::run,
                        """
                        UPDATE classifier_runs SET status = 'running', started_at = now()
                         WHERE id = (SELECT id FROM classifier_runs WHERE status = 'queued'
                                      ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
                        RETURNING\s""" + RUN_COLUMNS)
                .stream().findFirst();
    }

    void progress(long runId, double progress) {
        Jdbc.update(dataSource, "reporting training progress",
                "UPDATE classifier_runs SET progress = ? WHERE id = ?", (float) progress, runId);
    }

    void finishRun(long runId, Integer version, String status, String message) {
        Jdbc.update(dataSource, "finishing a training run",
                """
                UPDATE classifier_runs SET status = ?, model_version = ?, message = ?, finished_at = now(),
                       progress = CASE WHEN ? = 'done' THEN 1 ELSE progress END
                 WHERE id = ?
                """, status, version, message, status, runId);
    }

    /** Runs left "running" by an instance that died go back to the queue. */
    int requeueInterruptedRuns() {
        return Jdbc.update(dataSource, "requeueing interrupted training runs",
                "UPDATE classifier_runs SET status = 'queued', progress = 0 WHERE status = 'running'");
    }

    long openRuns() {
        return Jdbc.number(dataSource, "counting training runs",
                "SELECT count(*) FROM classifier_runs WHERE status IN ('queued', 'running')");
    }

    Optional<TrainingRunView> run(long id) {
        return Jdbc.list(dataSource, "reading a training run", ClassifierRepository::run,
                "SELECT " + RUN_COLUMNS + " FROM classifier_runs WHERE id = ?", id).stream().findFirst();
    }

    Optional<TrainingRunView> latestRun() {
        return Jdbc.list(dataSource, "reading training runs", ClassifierRepository::run,
                "SELECT " + RUN_COLUMNS + " FROM classifier_runs ORDER BY id DESC LIMIT 1").stream().findFirst();
    }

    private static TrainingRunView run(ResultSet rs) throws SQLException {
        Integer version = rs.getObject(5) == null ? null : rs.getInt(5);
        return new TrainingRunView(rs.getLong(1), rs.getString(2), rs.getFloat(3), rs.getString(4), version,
                rs.getString(6), rs.getObject(7, OffsetDateTime.class), rs.getObject(8, OffsetDateTime.class),
                rs.getObject(9, OffsetDateTime.class));
    }

    /**
     * Changes whenever an engineer sets or replaces one of these labels on a record (or such a record is deleted):
     * the number of those corrections and the newest one's id in one figure.
     */
    long correctionsStamp(List<String> labels) {
        return Jdbc.number(dataSource, "reading the corrections' stamp",
                """
                SELECT count(*) * 4294967296 + coalesce(max(id), 0) FROM fault_class_corrections
                 WHERE label = ANY (string_to_array(?, E'\t')) OR previous_label = ANY (string_to_array(?, E'\t'))
                """, String.join("\t", labels), String.join("\t", labels));
    }
}

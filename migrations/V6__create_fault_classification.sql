-- Fault classification: each record's failure mode (from the model or an engineer), the corrections, the trained
-- classifier models and their training runs, and the queue of records waiting for (re-)classification.

-- Its own table, not columns of records: updating a records row rewrites its generated full-text column and
-- every index entry (measured: classifying beside indexing cost a quarter of the embedding throughput).
ALTER TABLE records DROP COLUMN fault_class;
CREATE TABLE record_faults (
    record_id           bigint PRIMARY KEY REFERENCES records (id) ON DELETE CASCADE,
    fault_class         text        NOT NULL,
    fault_confidence    real,
    fault_source        text        NOT NULL CHECK (fault_source IN ('model', 'engineer')),
    fault_model         text,
    fault_detail        jsonb,
    fault_classified_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX record_faults_class_idx ON record_faults (fault_class);

CREATE TABLE fault_class_corrections (
    id              bigserial PRIMARY KEY,
    record_id       bigint      NOT NULL REFERENCES records (id) ON DELETE CASCADE,
    previous_label  text,
    previous_source text,
    label           text        NOT NULL,
    actor           text        NOT NULL,
    corrected_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX fault_class_corrections_record_idx ON fault_class_corrections (record_id);

CREATE TABLE classifier_models (
    version         serial PRIMARY KEY,
    created_at      timestamptz NOT NULL DEFAULT now(),
    embedding_model text        NOT NULL,
    taxonomy        text        NOT NULL,
    examples        int         NOT NULL,
    corrections     int         NOT NULL,
    payload         bytea       NOT NULL
);

CREATE TABLE classifier_runs (
    id            bigserial PRIMARY KEY,
    status        text        NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
    progress      real        NOT NULL DEFAULT 0,
    requested_by  text        NOT NULL,
    model_version int REFERENCES classifier_models (version),
    message       text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    started_at    timestamptz,
    finished_at   timestamptz
);

-- Filled when a record's first vector is written (so the classifier reads the stored embedding) and when a new
-- model replaces the old one; drained with FOR UPDATE SKIP LOCKED like the embedding queue.
CREATE TABLE classify_queue (
    record_id   bigint PRIMARY KEY REFERENCES records (id) ON DELETE CASCADE,
    enqueued_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX classify_queue_order_idx ON classify_queue (enqueued_at);

CREATE FUNCTION enqueue_classification() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.chunk = 0 THEN
        INSERT INTO classify_queue (record_id) VALUES (NEW.record_id) ON CONFLICT (record_id) DO NOTHING;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER record_embeddings_enqueue_classification AFTER INSERT ON record_embeddings
    FOR EACH ROW EXECUTE FUNCTION enqueue_classification();

INSERT INTO classify_queue (record_id) SELECT DISTINCT record_id FROM record_embeddings;

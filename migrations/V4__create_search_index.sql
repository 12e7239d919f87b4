-- Search: a full-text vector on every record, and transformer embeddings (per chunk) with the model that made them.

ALTER TABLE records ADD COLUMN search_tsv tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('english', text), 'B') ||
    setweight(jsonb_to_tsvector('english', fields, '["string"]'), 'C')) STORED;
CREATE INDEX records_search_idx ON records USING gin (search_tsv);

-- The dimension is fixed by the column; the app checks its model against it at start-up.
CREATE TABLE record_embeddings (
    record_id    bigint      NOT NULL REFERENCES records (id) ON DELETE CASCADE,
    chunk        int         NOT NULL,
    model        text        NOT NULL,
    content_hash text        NOT NULL,
    embedding    vector(384) NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (record_id, chunk)
);
CREATE INDEX record_embeddings_hnsw_idx ON record_embeddings USING hnsw (embedding vector_cosine_ops);
CREATE INDEX record_embeddings_model_idx ON record_embeddings (model);

-- Records waiting for (re-)embedding. Filled by a trigger, so no write path can forget it; drained by the
-- indexer with FOR UPDATE SKIP LOCKED (safe with several instances). Ingest never waits for the model.
CREATE TABLE embedding_queue (
    record_id   bigint PRIMARY KEY REFERENCES records (id) ON DELETE CASCADE,
    enqueued_at timestamptz NOT NULL DEFAULT now(),
    attempts    int         NOT NULL DEFAULT 0,
    last_error  text
);
CREATE INDEX embedding_queue_order_idx ON embedding_queue (enqueued_at);

CREATE FUNCTION enqueue_embedding() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO embedding_queue (record_id) VALUES (NEW.id) ON CONFLICT (record_id) DO NOTHING;
    RETURN NEW;
END $$;
CREATE TRIGGER records_enqueue_embedding AFTER INSERT OR UPDATE OF content_hash ON records
    FOR EACH ROW EXECUTE FUNCTION enqueue_embedding();

INSERT INTO embedding_queue (record_id) SELECT id FROM records;

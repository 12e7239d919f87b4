-- Vectors of the second embedding model (faultline.model.cjk-embedding-manifest, #24): records written in Chinese,
-- Japanese or Korean script are embedded by it as well as by the main model, and questions in those scripts are
-- searched here. A table of its own because its vectors have another dimension (512 for bge-small-zh-v1.5), which
-- the app checks at start-up like the main column's.
CREATE TABLE record_embeddings_cjk (
    record_id    bigint      NOT NULL REFERENCES records (id) ON DELETE CASCADE,
    chunk        int         NOT NULL,
    model        text        NOT NULL,
    content_hash text        NOT NULL,
    embedding    vector(512) NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (record_id, chunk)
);
CREATE INDEX record_embeddings_cjk_hnsw_idx ON record_embeddings_cjk USING hnsw (embedding vector_cosine_ops);

-- The CJK model the stored vectors were last made for (or 'none'): at start-up the app looks for CJK records missing
-- a vector only when the configured model differs, instead of reading every record's text at each start.
CREATE TABLE cjk_embedding_state (
    id    int  PRIMARY KEY CHECK (id = 1),
    model text NOT NULL
);
INSERT INTO cjk_embedding_state VALUES (1, 'bge-small-zh-v1.5-q@0.36.2');

-- records already stored with CJK text get their second vectors from the indexer (the default model's)
INSERT INTO embedding_queue (record_id)
SELECT id FROM records
 WHERE coalesce(title, '') || text ~ '[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]'
ON CONFLICT (record_id) DO NOTHING;

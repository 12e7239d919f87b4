-- Summaries, cached by their inputs: the generator, the embedding model, the options and every input record's
-- id and content hash. A changed record changes the key, so a stale summary is never served.
CREATE TABLE summary_cache (
    key        text PRIMARY KEY,
    body       jsonb       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX summary_cache_created_idx ON summary_cache (created_at);

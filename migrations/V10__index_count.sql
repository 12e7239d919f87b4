-- "indexed" in GET /api/v1/index/status counts the records with a vector from the current model. Counted over
-- record_embeddings itself (1.6 kB a row) that took 240-320 ms at 1,000,000 records, on every poll of the
-- progress bar; over this small index of first chunks (every embedded record has a chunk 0) it is an index-only
-- scan (22 ms). Only a query that asks for chunk 0 can use it, so it never competes with the vector index.
CREATE INDEX record_embeddings_first_chunk_idx ON record_embeddings (model) WHERE chunk = 0;

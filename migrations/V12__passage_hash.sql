-- A passage's vector depends only on its text and the model, and maintenance logs repeat themselves ("REPLACED
-- FILTER", the same defect on every aircraft of a fleet: 17 % of MaintNet's texts repeat an earlier one). The
-- indexer stores a hash of each passage it embeds and gives a passage it has embedded before the stored vector
-- instead of running the model again (faultline.index.reuse-vectors).
--
-- Rows written before this migration keep NULL: nothing is rewritten (that would insert every vector into the
-- HNSW graph again), they are simply never reused. The index holds only hashed rows.
ALTER TABLE record_embeddings ADD COLUMN passage_hash bytea;
CREATE INDEX record_embeddings_passage_idx ON record_embeddings (passage_hash) WHERE passage_hash IS NOT NULL;

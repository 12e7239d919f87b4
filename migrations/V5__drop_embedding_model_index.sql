-- Nearly every vector carries the current model, so an index on it never narrows anything down; worse, the
-- planner combined it with the primary key in a bitmap AND for every row of a filtered vector search
-- (0.7 s for 1,200 rows). Lookups by record id use the primary key.
DROP INDEX IF EXISTS record_embeddings_model_idx;

-- The words of the records' full text (lexemes) and how many records hold each, rebuilt in the background when
-- records change (search/Vocabulary.java): a query word that is rare or unknown here gets the most alike frequent
-- word as an alternative ("vaccum" -> vacuum, "magnito" -> magneto), found through the trigram index.
CREATE TABLE search_vocabulary (
    word    text PRIMARY KEY,
    records integer NOT NULL
);
CREATE INDEX search_vocabulary_trgm_idx ON search_vocabulary USING gin (word gin_trgm_ops);
-- when it was built, and what the records' changes added up to then (the id sequence + updated + deleted rows)
CREATE TABLE search_vocabulary_state (
    id       boolean PRIMARY KEY DEFAULT true CHECK (id),
    writes   bigint NOT NULL,
    built_at timestamptz NOT NULL
);

-- Indexes of its own for each large site: a vector graph and a full-text index.
--
-- At 1,000,000 records over 7 sites, a site-filtered search read the nearest vectors of all sites and kept the
-- site's (the 500 nearest hold only about 70 of the site), and its full-text query read the posting lists of every
-- site's records before keeping the site's (site leads the GIN index, but the words' lists are for all sites). A
-- partial index per site (pgvector's advice for filters on few values; the same for GIN) answers both from the
-- site's own rows. The vector graph needs the site beside the vector, so a partial index can name it. The indexes
-- themselves are built by the app (SiteIndexes, CREATE INDEX CONCURRENTLY) once a site is large enough, and
-- listed in site_indexes when ready.

-- the record's site, kept in step by the triggers below. Existing rows stay NULL here: filling them would rewrite
-- every vector (and insert each into the HNSW graph again) while the app waits to start; the job fills one site's
-- rows, in batches, before it builds that site's indexes
ALTER TABLE record_embeddings ADD COLUMN site text;

CREATE FUNCTION record_embedding_site() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.site := (SELECT r.site FROM records r WHERE r.id = NEW.record_id);
    RETURN NEW;
END $$;
CREATE TRIGGER record_embeddings_site BEFORE INSERT ON record_embeddings
    FOR EACH ROW EXECUTE FUNCTION record_embedding_site();

-- any update that changes a record's site (also the one records_site makes when it fills a NULL site)
CREATE FUNCTION record_site_to_embeddings() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- the indexer may be writing this record's vectors right now (claimed from the queue, FOR UPDATE): they are not
    -- visible yet, and took the old site. Wait for that batch, and keep the indexer off the record until this
    -- transaction commits, so that it reads the new site; then the UPDATE below sees every vector
    PERFORM 1 FROM embedding_queue WHERE record_id = NEW.id FOR UPDATE;
    UPDATE record_embeddings SET site = NEW.site WHERE record_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER records_site_to_embeddings AFTER UPDATE ON records
    FOR EACH ROW WHEN (OLD.site IS DISTINCT FROM NEW.site) EXECUTE FUNCTION record_site_to_embeddings();

-- the sites whose partial indexes are built; search uses them once both are valid
CREATE TABLE site_indexes (
    site        text PRIMARY KEY,
    graph_index text        NOT NULL UNIQUE,
    text_index  text        NOT NULL UNIQUE,
    records     bigint      NOT NULL,
    built_at    timestamptz NOT NULL DEFAULT now()
);

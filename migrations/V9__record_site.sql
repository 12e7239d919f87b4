-- The site on each record, and one full-text index over (site, words).
--
-- A site filter used to be "asset_id in the site's assets": at 1,000,000 records PostgreSQL built a bitmap of all
-- the site's rows (141k) and ANDed it with the full-text matches, 14-45 ms per query before any row was read.
-- With the site as the first column of the full-text GIN index (btree_gin), one index scan answers both
-- (BENCHMARKS.md, "Site on the record"). Unfiltered full-text queries use the same index: only the words' entries
-- are read.
--
-- A record's site is where its latest version was written: the site given with its asset on that row, else its
-- asset's site at that time. An asset that moves to another site keeps its history at the old one (the work was
-- done there), and a file that names one asset id at several sites (plants reusing tag numbers) files each record
-- under its own row's site. Records written before their asset had any site take the first one it gets.

-- trusted since PostgreSQL 13: the database owner may create it (scripts/setup-db.sh does it as a superuser too)
CREATE EXTENSION IF NOT EXISTS btree_gin;

ALTER TABLE records ADD COLUMN site text;

-- Writers set site with asset_id (the ingest upsert does); a NULL site is filled from the asset. An UPDATE that
-- changes asset_id alone keeps the old site.
CREATE FUNCTION record_site() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.site IS NULL AND NEW.asset_id IS NOT NULL THEN
        -- FOR SHARE waits for a concurrent first site of the asset, then reads it (see asset_first_site)
        NEW.site := (SELECT a.site FROM assets a WHERE a.id = NEW.asset_id FOR SHARE);
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER records_site BEFORE INSERT OR UPDATE OF asset_id, site ON records
    FOR EACH ROW EXECUTE FUNCTION record_site();

CREATE FUNCTION asset_first_site() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE records SET site = NEW.site WHERE asset_id = NEW.id AND site IS NULL;
    RETURN NULL;
END $$;
CREATE TRIGGER assets_first_site AFTER UPDATE OF site ON assets
    FOR EACH ROW WHEN (OLD.site IS NULL AND NEW.site IS NOT NULL) EXECUTE FUNCTION asset_first_site();

-- existing records: their asset's site is all that is known. The old full-text index goes first, so the rewrite
-- does not maintain it (on a large install this UPDATE rewrites the table once; VACUUM records afterwards).
DROP INDEX records_search_idx;
UPDATE records r SET site = a.site FROM assets a WHERE a.id = r.asset_id AND a.site IS NOT NULL;

CREATE INDEX records_search_idx ON records USING gin (site, search_tsv);
-- the record list filtered by site, newest first
CREATE INDEX records_site_recent_idx ON records (site, occurred_at DESC NULLS LAST, id DESC);
ANALYZE records;

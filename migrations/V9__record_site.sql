-- The site of each record's asset, copied onto the record, and one full-text index over (site, words).
--
-- A site filter used to be "asset_id in the site's assets": at 1,000,000 records PostgreSQL built a bitmap of all
-- the site's rows (141k) and ANDed it with the full-text matches, 14-45 ms per query before any row was read.
-- With the site as the first column of the full-text GIN index (btree_gin), one index scan answers both
-- (BENCHMARKS.md, "Site on the record"). Unfiltered full-text queries use the same index: only the words' entries
-- are read.
--
-- The copy is kept by triggers, so no write path can forget it: a record takes its asset's site when written or
-- moved to another asset, and an asset's records follow it when it moves to another site.

-- trusted since PostgreSQL 13: the database owner may create it (scripts/setup-db.sh does it as a superuser too)
CREATE EXTENSION IF NOT EXISTS btree_gin;

ALTER TABLE records ADD COLUMN site text;

CREATE FUNCTION record_site() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- FOR SHARE waits for a concurrent move of the asset to another site, then reads where it went
    NEW.site := (SELECT a.site FROM assets a WHERE a.id = NEW.asset_id FOR SHARE);
    RETURN NEW;
END $$;
CREATE TRIGGER records_site BEFORE INSERT OR UPDATE OF asset_id, site ON records
    FOR EACH ROW EXECUTE FUNCTION record_site();

CREATE FUNCTION asset_site_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE records SET site = NEW.site WHERE asset_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER assets_site_moved AFTER UPDATE OF site ON assets
    FOR EACH ROW WHEN (OLD.site IS DISTINCT FROM NEW.site) EXECUTE FUNCTION asset_site_moved();

UPDATE records r SET site = a.site FROM assets a WHERE a.id = r.asset_id AND a.site IS NOT NULL;

DROP INDEX records_search_idx;
CREATE INDEX records_search_idx ON records USING gin (site, search_tsv);
-- the record list filtered by site, newest first
CREATE INDEX records_site_recent_idx ON records (site, occurred_at DESC NULLS LAST, id DESC);

-- The asset's type and name are searchable with each record, and the type is embedded with it (issues 22, 24). Many
-- records name the device only in their asset ("Vacuum", "Tablet"): "tablet display glass cracked" found none of
-- them, because the asset was in no index; and "2#循环水泵" is how a plant names a unit. Both are copied onto each
-- record (the app keeps the copies in step when an asset changes, RecordWriteRepository), so the generated search
-- column can read them.
-- The search column goes first, so the copy below does not compute it for every row only to drop it.
ALTER TABLE records DROP COLUMN search_tsv;
ALTER TABLE records ADD COLUMN asset_type text, ADD COLUMN asset_name text;
UPDATE records r SET asset_type = a.type, asset_name = a.name
  FROM assets a WHERE a.id = r.asset_id AND (a.type IS NOT NULL OR a.name IS NOT NULL);

-- A new type changes the embedded passage ("Tablet: screen cracked"), so the record is embedded again (its old
-- vector serves until then); a new name alone does not. Inserts keep their own trigger.
DROP TRIGGER records_enqueue_embedding ON records;
CREATE TRIGGER records_enqueue_embedding AFTER INSERT ON records
    FOR EACH ROW EXECUTE FUNCTION enqueue_embedding();
CREATE TRIGGER records_reembed AFTER UPDATE OF content_hash, asset_type ON records
    FOR EACH ROW WHEN (OLD.content_hash IS DISTINCT FROM NEW.content_hash OR OLD.asset_type IS DISTINCT FROM NEW.asset_type)
    EXECUTE FUNCTION enqueue_embedding();
INSERT INTO embedding_queue (record_id) SELECT id FROM records WHERE asset_type IS NOT NULL
    ON CONFLICT (record_id) DO NOTHING;

-- The generated column again, with the asset's type and name at weight C like the record's fields (this rewrites the
-- records table once; the sites' own text indexes are rebuilt by the app in the background, as after V26).
ALTER TABLE records ADD COLUMN search_tsv tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce(faultline_cjk_bigrams(title), '')), 'A') ||
    setweight(to_tsvector('english', faultline_cjk_bigrams(text)), 'B') ||
    setweight(jsonb_to_tsvector('english', fields, '["string"]'), 'C') ||
    setweight(to_tsvector('english', faultline_cjk_bigrams(coalesce(asset_type, '') || ' ' || coalesce(asset_name, ''))), 'C')) STORED;
CREATE INDEX records_search_idx ON records USING gin (site, search_tsv);

-- Words joined by a slash ("PROP STRIKE/SUDDEN STOPPAGE", "INSP/REPAIR", "ENG/PROP") were one token to the English
-- parser (a file path: 'strike/sudden'), so neither word could be found by keyword search or counted by Ask (149 of
-- the demo's 14,341 records hold such a pair). Where both sides have at least two letters the slash is now read as
-- a separator; one-letter shorthand ("L/H", "R/H", "A/C", "W/O") stays one word, as the shorthand dictionary writes
-- it. The app splits query words the same way (search.Shorthand).
CREATE FUNCTION faultline_split_slashes(t text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN regexp_replace(t, '([[:alpha:]]{2})/(?=[[:alpha:]]{2})', '\1 / ', 'g');

-- The generated column again with it (this rewrites the records table once, as V26 and V27 did; the sites' own text
-- indexes are rebuilt by the app in the background). The fields' strings are split too: spaces around a slash inside
-- a JSON string keep the document valid.
ALTER TABLE records DROP COLUMN search_tsv;
ALTER TABLE records ADD COLUMN search_tsv tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce(faultline_cjk_bigrams(faultline_split_slashes(title)), '')), 'A') ||
    setweight(to_tsvector('english', faultline_cjk_bigrams(faultline_split_slashes(text))), 'B') ||
    setweight(jsonb_to_tsvector('english', faultline_split_slashes(fields::text)::jsonb, '["string"]'), 'C') ||
    setweight(to_tsvector('english', faultline_cjk_bigrams(faultline_split_slashes(
        coalesce(asset_type, '') || ' ' || coalesce(asset_name, '')))), 'C')) STORED;
CREATE INDEX records_search_idx ON records USING gin (site, search_tsv);

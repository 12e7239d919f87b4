-- Keyword search for Chinese (and Japanese, Korean) text. The English configuration reads a run of Han characters
-- as one word, so "数据库" never matched "数据库故障". Each run of CJK characters is written as its overlapping
-- character bigrams ("数据库故障" -> "数据 据库 库故 故障"), the usual way to index CJK text without a segmenter;
-- the app splits query words the same way (search.Cjk). Text without CJK characters is returned unchanged, so
-- English records keep exactly the vectors they had. English part numbers inside Chinese text stay words.
CREATE FUNCTION faultline_cjk_bigrams(t text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT AS $$
DECLARE
    parts text[];
    run text;
    out text := '';
BEGIN
    IF t !~ '[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]' THEN
        RETURN t;
    END IF;
    FOR parts IN SELECT regexp_matches(t,
            '([\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+)|([^\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+)',
            'g') LOOP
        run := parts[1];
        IF run IS NULL THEN
            out := out || parts[2];
        ELSIF length(run) = 1 THEN
            out := out || ' ' || run || ' ';
        ELSE
            FOR i IN 1 .. length(run) - 1 LOOP
                out := out || ' ' || substr(run, i, 2);
            END LOOP;
            out := out || ' ';
        END IF;
    END LOOP;
    RETURN out;
END $$;

-- The generated column is defined again with it (this rewrites the records table once; VACUUM ANALYZE records
-- afterwards on a large install). Its indexes go with the old column: the shared one is made again here, the
-- sites' own are rebuilt by the app in the background (SiteIndexes finds them missing).
ALTER TABLE records DROP COLUMN search_tsv;
ALTER TABLE records ADD COLUMN search_tsv tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce(faultline_cjk_bigrams(title), '')), 'A') ||
    setweight(to_tsvector('english', faultline_cjk_bigrams(text)), 'B') ||
    setweight(jsonb_to_tsvector('english', fields, '["string"]'), 'C')) STORED;
CREATE INDEX records_search_idx ON records USING gin (site, search_tsv);

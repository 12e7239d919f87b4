#!/usr/bin/env bash
# Search latency at N records (default 100,000): MaintNet is imported and embedded by the app, then copied in SQL
# to N records over 400 assets on 7 sites, each copy with its source's vector plus a little noise (so the HNSW graph
# is not full of exact duplicates), and the HNSW index is built again over all of them. Then p50/p95 of /api/v1/search over 23 questions x 8 rounds per mode.
# The app builds its site indexes (faultline.search.site-indexes.*) before the measurement.
#   bench/search-latency.sh [N]
#   REUSE=1 bench/search-latency.sh [N]    measures again on the database of the last run, if it has N records
#   FAULTLINE_SEARCH_SITE_INDEXES_ENABLED=false ...   without the site indexes (built ones stay, unused)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/app.sh
N="${1:-100000}"
OUT=bench/out; mkdir -p "$OUT"
DB=faultline_bench
start_app() {
    # the app's own warm-up is off (run_app): it would still be searching during the first measured rounds; the client
    # warms up through the API instead (bench/search-latency.mjs). The cache of question vectors is off: the rounds ask
    # the same questions again, and every measured search should run the model, as a new question does
    run_app 8097 "$DB" "$OUT/latency-app.log" FAULTLINE_SEARCH_SITE_INDEXES_DELAY=1s FAULTLINE_SEARCH_QUERY_VECTOR_CACHE=0 \
        QUARKUS_LOG_CATEGORY__DEV_FAULTLINE__LEVEL=WARN
}
APP=
if [ "${REUSE:-}" = 1 ] && [ "$(psql -h 127.0.0.1 -U faultline -d "$DB" -Atc 'select count(*) from records' 2>/dev/null)" = "$N" ]; then
    echo "reusing the $N records of $DB (REUSE=1)"
else
FAULTLINE_DB_NAMES="$DB" FAULTLINE_DB_RECREATE=1 bash scripts/setup-db.sh >/dev/null
start_app
curl -sf -H "Authorization: Bearer $KEY" $URL/api/v1/imports -F source=maintnet \
    -F "file=@data/maintnet/Aircraft_Annotation_DataFile.csv" -F "mapping=<data/demo/maintnet.mapping.json" >/dev/null
until curl -sf -H "Authorization: Bearer $KEY" $URL/api/v1/index/status | grep -q '"indexed":6169'; do sleep 1; done
kill $APP; wait $APP 2>/dev/null || true
echo "copying to $N records..."
t0=$(date +%s)
psql -h 127.0.0.1 -U faultline -d "$DB" -q -v ON_ERROR_STOP=1 -v n="$N" <<'SQL'
DROP INDEX record_embeddings_hnsw_idx; -- built once after the copy: much faster than a million inserts into the graph
INSERT INTO assets (id, name, site) SELECT 'BA-' || g, 'Bench asset ' || g, 'Site ' || (g % 7) FROM generate_series(0, 399) g;
CREATE TEMP TABLE src AS
  SELECT row_number() OVER (ORDER BY r.id) - 1 AS n, r.text, r.fields, r.content_hash, e.model, e.embedding
    FROM records r JOIN record_embeddings e ON e.record_id = r.id AND e.chunk = 0;
INSERT INTO records (source, external_id, kind, asset_id, occurred_at, text, fields, content_hash)
  SELECT 'bench', 'b-' || g, 'maintenance_log', 'BA-' || (g % 400), now() - g * interval '7 minutes', s.text, s.fields,
         md5(s.content_hash || g)
    FROM generate_series(1, :n - 6169) g JOIN src s ON s.n = g % 6169;
INSERT INTO record_embeddings (record_id, chunk, model, content_hash, embedding)
  SELECT r.id, 0, s.model, r.content_hash,
         (SELECT array_agg(x + (random()::real - 0.5) * 0.02) FROM unnest(s.embedding::real[]) x)::vector
    FROM records r JOIN src s ON s.n = substr(r.external_id, 3)::int % 6169 WHERE r.source = 'bench';
\echo building the HNSW index...
SET maintenance_work_mem = '4GB';
CREATE INDEX record_embeddings_hnsw_idx ON record_embeddings USING hnsw (embedding vector_cosine_ops);
DELETE FROM embedding_queue;
DELETE FROM classify_queue; -- the copies stay unclassified: latency is measured without background work
-- what autovacuum would have done by now on a normal server (this machine's PostgreSQL runs with it off): the
-- emptied queues' dead rows and the planner's statistics
VACUUM ANALYZE records, record_embeddings, assets, embedding_queue, classify_queue;
SQL
echo "copied in $(( $(date +%s) - t0 )) s: $(psql -h 127.0.0.1 -U faultline -d "$DB" -Atc 'select count(*) from records') records"
fi
start_app
# the app builds a vector graph and a full-text index for each site large enough (faultline.search.site-indexes.*;
# 7 sites of 14,300 records at 100k, of 143,000 at 1M): measured once they are all built
MIN_RECORDS="${FAULTLINE_SEARCH_SITE_INDEXES_MIN_RECORDS:-10000}"
MAX_SHARE="${FAULTLINE_SEARCH_SITE_INDEXES_MAX_SHARE:-0.5}"
ENABLED="${FAULTLINE_SEARCH_SITE_INDEXES_ENABLED:-true}"
[ "${ENABLED,,}" = true ] || MIN_RECORDS=0
due=$(psql -h 127.0.0.1 -U faultline -d "$DB" -Atc "SELECT count(*) FROM (SELECT site FROM records WHERE site IS NOT NULL
  GROUP BY site HAVING $MIN_RECORDS > 0 AND count(*) >= $MIN_RECORDS AND count(*) <= $MAX_SHARE * (SELECT count(*) FROM records)) s")
t0=$(date +%s)
until [ "$(psql -h 127.0.0.1 -U faultline -d "$DB" -Atc 'SELECT count(*) FROM site_indexes')" -ge "$due" ]; do
    kill -0 $APP; sleep 2
    [ $(( $(date +%s) - t0 )) -lt 3600 ] || { echo "the site indexes were not built: see $OUT/latency-app.log" >&2; exit 1; }
done
echo "site indexes: $due sites built in $(( $(date +%s) - t0 )) s"
# the spelling vocabulary (search/Vocabulary.java) is built 30 s after start when the records have changed: measured
# after it, not during it
t0=$(date +%s)
sleep 35
until [ "$(psql -h 127.0.0.1 -U faultline -d "$DB" -Atc "SELECT count(*) FROM search_vocabulary_state")" = 1 ] \
        && [ "$(psql -h 127.0.0.1 -U faultline -d "$DB" -Atc "SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%ts_stat(%' AND pid <> pg_backend_pid()")" = 0 ]; do
    kill -0 $APP; sleep 2
done
echo "spelling vocabulary: $(psql -h 127.0.0.1 -U faultline -d "$DB" -Atc "SELECT count(*) FROM search_vocabulary") words (waited $(( $(date +%s) - t0 )) s)"
FAULTLINE_URL="$URL" FAULTLINE_API_KEY="$KEY" node bench/search-latency.mjs
echo "app peak RSS: $(( $(awk '/VmHWM/ {print $2}' /proc/$APP/status) / 1024 )) MiB"

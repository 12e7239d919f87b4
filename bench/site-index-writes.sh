#!/usr/bin/env bash
# What a site's own indexes cost the writers: on the 1,000,000-record database that `bench/search-latency.sh 1000000`
# leaves (faultline_bench, with its site indexes), N records of Site 3 get a new text (written in SQL: the full-text
# indexes are updated) and are re-embedded by the app (the vector graphs are written), ROUNDS times with the site's
# indexes, then ROUNDS times after dropping them. Prints the time of the text update and the indexer's records/s
# (from the update to an empty queue). The app builds the site's indexes again at the end, as it would in production.
#   bench/site-index-writes.sh [N] [ROUNDS]     (defaults 3000 and 2)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/app.sh
N="${1:-3000}"
ROUNDS="${2:-2}"
DB=faultline_bench
OUT=bench/out; mkdir -p "$OUT"
sql() { psql -h 127.0.0.1 -U faultline -d "$DB" -v ON_ERROR_STOP=1 -Atq -c "$1"; }
indexes="$(sql "SELECT graph_index || ', ' || text_index FROM site_indexes WHERE site = 'Site 3'" 2>/dev/null || true)"
[ -n "$indexes" ] || { echo "no indexes of Site 3 in $DB: run bench/search-latency.sh 1000000 first" >&2; exit 1; }
APP=
start_app() {
    # no classification (its queue is emptied with each change, and polled hourly) and no search warm-up: only the
    # indexer works. $1: faultline.search.site-indexes.min-records (0: the app builds none)
    run_app 8097 "$DB" "$OUT/index-writes-app.log" FAULTLINE_SEARCH_SITE_INDEXES_MIN_RECORDS="$1" \
        FAULTLINE_SEARCH_SITE_INDEXES_DELAY=1s FAULTLINE_CLASSIFY_POLL_INTERVAL=1h QUARKUS_LOG_CATEGORY__DEV_FAULTLINE__LEVEL=WARN
}
round=0
rewrite() {
    round=$((round + 1))
    local t0 t1 t2
    t0=$(date +%s.%N)
    # a new word at the end: a new text and a new vector (an identical vector would only join its twin's graph node)
    sql "BEGIN;
         UPDATE records SET text = text || ' (recheck $round)', content_hash = md5(content_hash || '$round')
          WHERE id IN (SELECT id FROM records WHERE site = 'Site 3' AND source = 'bench' ORDER BY id
                        OFFSET $(( (round - 1) * N )) LIMIT $N);
         DELETE FROM classify_queue;
         COMMIT;"
    t1=$(date +%s.%N)
    until curl -sf -H "Authorization: Bearer $KEY" "$URL/api/v1/index/status" | grep -q '"pending":0,'; do sleep 0.2; done
    t2=$(date +%s.%N)
    awk -v a="$t0" -v b="$t1" -v c="$t2" -v n="$N" -v w="$1" \
        'BEGIN { printf "%-30s text of %d records updated in %.2f s; re-embedded in %.1f s = %.0f records/s\n", w, n, b - a, c - b, n / (c - b) }'
}
start_app 0
for i in $(seq "$ROUNDS"); do rewrite "Site 3 with its own indexes:"; done
kill $APP; wait $APP 2>/dev/null || true
sql "DROP INDEX $indexes"
start_app 0
for i in $(seq "$ROUNDS"); do rewrite "Site 3 without:"; done
kill $APP; wait $APP 2>/dev/null || true
sql "DELETE FROM classify_queue"
sql "VACUUM ANALYZE records, record_embeddings"
start_app 10000
t0=$(date +%s)
until [ "$(sql "SELECT count(*) FROM site_indexes s, pg_class c, pg_index i WHERE s.site = 'Site 3'
                 AND c.relname IN (s.graph_index, s.text_index) AND i.indexrelid = c.oid AND i.indisvalid")" = 2 ]; do
    kill -0 $APP; sleep 2
    [ $(( $(date +%s) - t0 )) -lt 3600 ] || { echo "not built: see $OUT/index-writes-app.log" >&2; exit 1; }
done
echo "Site 3's indexes built again by the app in $(( $(date +%s) - t0 )) s"

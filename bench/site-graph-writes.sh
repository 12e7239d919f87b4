#!/usr/bin/env bash
# What a site's own vector graph costs the indexer: on the 1,000,000-record database that
# `bench/search-latency.sh 1000000` leaves (faultline_bench, with its site graphs), N records of Site 3 are changed
# (so each gets a new vector, unlike the old one) and re-embedded by the app, ROUNDS times with the site's graph,
# then ROUNDS times after dropping it; records/s from the change to an empty queue. The graph is built again at the
# end (the app does it, as it would in production).
#   bench/site-graph-writes.sh [N] [ROUNDS]     (defaults 3000 and 2)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-env.sh
N="${1:-3000}"
ROUNDS="${2:-2}"
DB=faultline_bench
OUT=bench/out; mkdir -p "$OUT"
sql() { psql -h 127.0.0.1 -U faultline -d "$DB" -v ON_ERROR_STOP=1 -Atq -c "$1"; }
graph="$(sql "SELECT index_name FROM site_graphs WHERE site = 'Site 3'" 2>/dev/null || true)"
[ -n "$graph" ] || { echo "no graph of Site 3 in $DB: run bench/search-latency.sh 1000000 first" >&2; exit 1; }
KEY="bench-key-$(head -c 24 /dev/urandom | base64 | tr -d '/+=\n')"
URL=http://127.0.0.1:8097
start_app() {
    # no classification (the queue is emptied with each change, and polled hourly) and no search warm-up: only
    # the indexer works. $1: faultline.search.site-graphs.min-records (0: the job builds nothing)
    FAULTLINE_SEARCH_SITE_GRAPHS_MIN_RECORDS="$1" FAULTLINE_SEARCH_SITE_GRAPHS_DELAY=1s \
    FAULTLINE_CLASSIFY_POLL_INTERVAL=1h FAULTLINE_SEARCH_WARM_UP_ROUNDS=0 FAULTLINE_BOOTSTRAP_API_KEY="$KEY" \
    QUARKUS_HTTP_PORT=8097 QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
    FAULTLINE_IMPORTS_SPOOL_DIR="$OUT/spool" QUARKUS_LOG_CATEGORY__DEV_FAULTLINE__LEVEL=WARN \
        java --enable-native-access=ALL-UNNAMED -jar target/quarkus-app/quarkus-run.jar >> "$OUT/graph-writes-app.log" 2>&1 &
    APP=$!
    until curl -sf "$URL/q/health/ready" >/dev/null; do kill -0 $APP; sleep 0.3; done
}
trap 'kill $APP 2>/dev/null || true' EXIT
round=0
reembed() {
    round=$((round + 1))
    local t0 t1
    t0=$(date +%s.%N)
    # a new word at the end: a new text, a new vector (an identical one would only be added to its twin's graph node)
    sql "BEGIN;
         UPDATE records SET text = text || ' (recheck $round)', content_hash = md5(content_hash || '$round')
          WHERE id IN (SELECT id FROM records WHERE site = 'Site 3' AND source = 'bench' ORDER BY id
                        OFFSET $(( (round - 1) * N )) LIMIT $N);
         DELETE FROM classify_queue;
         COMMIT;"
    until curl -sf -H "Authorization: Bearer $KEY" "$URL/api/v1/index/status" | grep -q '"pending":0,'; do sleep 0.2; done
    t1=$(date +%s.%N)
    awk -v a="$t0" -v b="$t1" -v n="$N" -v w="$2" \
        'BEGIN { printf "%-28s %d records in %.1f s = %.0f records/s\n", w, n, b - a, n / (b - a) }'
}
start_app 0
for i in $(seq "$ROUNDS"); do reembed "$i" "Site 3 with its own graph:"; done
kill $APP; wait $APP 2>/dev/null || true
sql "DROP INDEX $graph"
start_app 0
for i in $(seq "$ROUNDS"); do reembed "$i" "Site 3 without:"; done
kill $APP; wait $APP 2>/dev/null || true
# the app builds it again, as it would after the graph was lost
sql "DELETE FROM classify_queue; VACUUM ANALYZE record_embeddings"
start_app 20000
t0=$(date +%s)
until [ "$(sql "SELECT count(*) FROM site_graphs s JOIN pg_class c ON c.relname = s.index_name
                JOIN pg_index i ON i.indexrelid = c.oid WHERE s.site = 'Site 3' AND i.indisvalid")" = 1 ]; do
    kill -0 $APP; sleep 2
done
echo "Site 3's graph built again by the app in $(( $(date +%s) - t0 )) s"

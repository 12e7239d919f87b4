#!/usr/bin/env bash
# Retrieval evaluation: loads MaintNorm (test split) and the MaintNet logbook into a fresh database through the
# import API, waits until every record is embedded, then measures keyword, semantic and hybrid search.
#   bench/retrieval-eval.sh        (prints the tables; record them in BENCHMARKS.md)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-env.sh
PORT=8096
DB=faultline_eval
OUT=bench/out; mkdir -p "$OUT"
FAULTLINE_DB_NAMES="$DB" FAULTLINE_DB_RECREATE=1 bash scripts/setup-db.sh >/dev/null
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
KEY="eval-key-$(head -c 24 /dev/urandom | base64 | tr -d '/+=\n')"
FAULTLINE_BOOTSTRAP_API_KEY="$KEY" QUARKUS_HTTP_PORT=$PORT QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
FAULTLINE_IMPORTS_SPOOL_DIR="$OUT/eval-spool" \
  java --enable-native-access=ALL-UNNAMED -jar target/quarkus-app/quarkus-run.jar > "$OUT/eval-app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null; do kill -0 $APP; sleep 0.3; done
node bench/retrieval-eval.mjs maintnorm-jsonl > "$OUT/maintnorm.jsonl"
curl -sf -H "Authorization: Bearer $KEY" "http://127.0.0.1:$PORT/api/v1/imports" -F source=maintnet \
    -F "file=@data/maintnet/Aircraft_Annotation_DataFile.csv" -F "mapping=<data/demo/maintnet.mapping.json" >/dev/null
curl -sf -H "Authorization: Bearer $KEY" "http://127.0.0.1:$PORT/api/v1/imports" -F "file=@$OUT/maintnorm.jsonl" >/dev/null
echo "waiting for imports and embeddings..."
start=$(date +%s)
while :; do
    status="$(curl -sf -H "Authorization: Bearer $KEY" "http://127.0.0.1:$PORT/api/v1/index/status")"
    running="$(curl -sf -H "Authorization: Bearer $KEY" "http://127.0.0.1:$PORT/api/v1/imports" | grep -c '"state":"\(queued\|running\)"' || true)"
    case "$status" in *'"pending":0,'*) [ "$running" = 0 ] && break;; esac
    sleep 2
done
echo "indexed in $(( $(date +%s) - start )) s: $status"
# fresh planner statistics, as autovacuum would have them on a running system
psql -h 127.0.0.1 -U faultline -d "$DB" -qc "ANALYZE records, record_embeddings, assets"
FAULTLINE_URL="http://127.0.0.1:$PORT" FAULTLINE_API_KEY="$KEY" node bench/retrieval-eval.mjs run

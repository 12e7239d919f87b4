#!/usr/bin/env bash
# Ask and summary evaluation (issue #6) on the demo data (MaintNet, FAA, Open Repair: 13,502 records) in a fresh
# database: citation precision on 23 MaintNet questions, summary redundancy and coverage, Ask latency.
#   bench/ask-eval.sh        (ROUNDS=5, VERBOSE=1 prints every answer)
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
  java --enable-native-access=ALL-UNNAMED -jar target/quarkus-app/quarkus-run.jar > "$OUT/ask-eval-app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null; do kill -0 $APP; sleep 0.3; done
FAULTLINE_URL="http://127.0.0.1:$PORT" FAULTLINE_API_KEY="$KEY" bash scripts/load-demo.sh
echo "waiting for embeddings..."
until curl -sf -H "Authorization: Bearer $KEY" "http://127.0.0.1:$PORT/api/v1/index/status" | grep -q '"pending":0,'; do sleep 2; done
psql -h 127.0.0.1 -U faultline -d "$DB" -qc "ANALYZE records, record_embeddings, assets"
FAULTLINE_URL="http://127.0.0.1:$PORT" FAULTLINE_API_KEY="$KEY" node bench/ask-eval.mjs
echo "app peak RSS: $(( $(awk '/VmHWM/ {print $2}' /proc/$APP/status) / 1024 )) MiB"

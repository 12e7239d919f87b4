#!/usr/bin/env bash
# Import benchmark: imports N CSV rows (default 100,000, real MaintNet logbook text with unique ids) through
# POST /api/v1/imports into a fresh database and prints rows/s and the app's peak RSS.
#   bench/import-benchmark.sh [ROWS]
# Uses its own database (faultline_bench) and port (8097); builds the app if needed.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-env.sh
ROWS="${1:-100000}"
PORT=8097
DB=faultline_bench
OUT=bench/out; mkdir -p "$OUT"

FAULTLINE_DB_NAMES="$DB" FAULTLINE_DB_RECREATE=1 bash scripts/setup-db.sh >/dev/null
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests

python3 - "$ROWS" "$OUT/import-$ROWS.csv" <<'PY'
import csv, sys
rows, target = int(sys.argv[1]), sys.argv[2]
with open("data/maintnet/Aircraft_Annotation_DataFile.csv", encoding="utf-8-sig", newline="") as f:
    logbook = [(r["PROBLEM"], r["ACTION"]) for r in csv.DictReader(f)]
with open(target, "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f)
    w.writerow(["externalId", "kind", "occurredAt", "asset.id", "asset.site", "text", "fields.action"])
    for i in range(rows):
        problem, action = logbook[i % len(logbook)]
        w.writerow([f"B{i:07d}", "maintenance_log", f"20{10 + i % 15}-{1 + i % 12:02d}-{1 + i % 28:02d}T08:00:00Z",
                    f"ENG-{i % 400}", f"Site {i % 7}", problem, action])
PY
echo "file: $OUT/import-$ROWS.csv ($(du -h "$OUT/import-$ROWS.csv" | cut -f1), $ROWS rows)"

KEY="bench-key-$(head -c 24 /dev/urandom | base64 | tr -d '/+=\n')"
AUTH="Authorization: Bearer $KEY"
# no search warm-up at start (faultline.search.warm-up-rounds): its searches would overlap the import measured
FAULTLINE_SEARCH_WARM_UP_ROUNDS=0 FAULTLINE_BOOTSTRAP_API_KEY="$KEY" QUARKUS_HTTP_PORT=$PORT QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
FAULTLINE_IMPORTS_SPOOL_DIR="$OUT/spool" QUARKUS_LOG_CATEGORY__DEV_FAULTLINE__LEVEL=WARN \
  java --enable-native-access=ALL-UNNAMED -jar target/quarkus-app/quarkus-run.jar > "$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null; do kill -0 $APP; sleep 0.3; done

field() { grep -o "\"$1\":[^,}]*" | head -1 | cut -d: -f2- | tr -d '"'; }
start=$(date +%s.%N)
id="$(curl -sf -H "$AUTH" "http://127.0.0.1:$PORT/api/v1/imports" -F "file=@$OUT/import-$ROWS.csv" -F source=bench | field id)"
accepted=$(date +%s.%N)
while :; do
    job="$(curl -sf -H "$AUTH" "http://127.0.0.1:$PORT/api/v1/imports/$id")"
    state="$(printf '%s' "$job" | field state)"
    [ "$state" = completed ] || [ "$state" = failed ] && break
    sleep 0.2
done
end=$(date +%s.%N)
rss_kb=$(awk '/VmHWM/ {print $2}' /proc/$APP/status)
count=$(psql -h 127.0.0.1 -U faultline -d "$DB" -Atc "select count(*) from records")
echo "state:                 $state ($(printf '%s' "$job" | field rowsDone) done, $(printf '%s' "$job" | field rowsFailed) failed, $count in table)"
awk -v s="$start" -v a="$accepted" -v e="$end" -v n="$ROWS" -v r="$(printf '%s' "$job" | field rowsPerSecond)" -v rss="$rss_kb" 'BEGIN {
  printf "upload + check + spool: %.2f s\n", a - s
  printf "end to end:            %.2f s  = %.0f rows/s (upload to last row committed)\n", e - s, n / (e - s)
  printf "import job alone:      %.0f rows/s (the job'"'"'s own rate)\n", r
  printf "peak RSS of the app:   %.0f MiB\n", rss / 1024 }'

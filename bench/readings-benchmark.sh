#!/usr/bin/env bash
# Sensor readings: ingest rate through the import job (a wide CSV) and through the API (50,000 per request), and
# chart queries over one sensor holding 10,000,000 readings (p50/p95, several ranges, 800 points).
#   READINGS (10000000): readings in the one large series (a second apart: 10M is 116 days)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/app.sh
N="${READINGS:-10000000}"
OUT=bench/out
fresh_app 8097 faultline_bench_readings $OUT/readings-app.log FAULTLINE_IMPORTS_BATCH_SIZE=2000
echo "readings benchmark of $(git rev-parse --short HEAD) at $(date -u +%Y-%m-%dT%H:%MZ)"
# one series of N readings a second apart (long layout), the worst case a chart can be asked for
python3 - "$OUT/readings-long.csv" "$N" <<'PY'
import sys, math, datetime
start = datetime.datetime(2025, 1, 1, tzinfo=datetime.timezone.utc)
with open(sys.argv[1], "w") as f:
    f.write("asset,sensor,time,value\n")
    for r in range(int(sys.argv[2])):
        t = (start + datetime.timedelta(seconds=r)).strftime("%Y-%m-%dT%H:%M:%SZ")
        f.write(f"VIB-1,vibration,{t},{math.sin(r / 3600) * 10 + (r % 7) / 10:.3f}\n")
PY
echo "file: $N readings of one sensor, a second apart, $(du -h $OUT/readings-long.csv | cut -f1)"
t0=$(date +%s.%N)
id="$(curl -sf -H "Authorization: Bearer $KEY" "$URL/api/v1/imports" -F "file=@$OUT/readings-long.csv" -F target=readings \
    | grep -o '"id":"[^"]*' | cut -d'"' -f4)"
until curl -sf -H "Authorization: Bearer $KEY" "$URL/api/v1/imports/$id" | grep -q '"state":"completed"'; do sleep 1; done
t1=$(date +%s.%N)
job="$(curl -sf -H "Authorization: Bearer $KEY" "$URL/api/v1/imports/$id")"
created="$(printf '%s' "$job" | grep -o '"created":[0-9]*' | cut -d: -f2)"
echo "import job (upload, check, write): $created readings in $(echo "$t1 - $t0" | bc) s = $(echo "$created / ($t1 - $t0)" | bc) readings/s"
psql -h 127.0.0.1 -U postgres -d faultline_bench_readings -qc "VACUUM ANALYZE" 2>/dev/null || true
echo "table: $(psql -h 127.0.0.1 -U postgres -d faultline_bench_readings -Atc "select pg_size_pretty(pg_total_relation_size('sensor_readings')) || ' readings, ' || pg_size_pretty(pg_total_relation_size('sensor_rollups')) || ' rollups, BRIN ' || pg_size_pretty(pg_relation_size('sensor_readings_time_brin'))")"
READINGS="$N" FAULTLINE_URL="$URL" FAULTLINE_API_KEY="$KEY" node bench/readings-queries.mjs

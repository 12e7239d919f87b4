#!/usr/bin/env bash
# Enrichment latency on the demo data (13,502 records, embedded and classified): 200 POST /api/v1/enrich calls with
# ticket texts taken from the demo's own record texts (each call a different one), one at a time, after 20 warm-up
# calls. Prints p50/p95/max. Its own database and port; ENRICH_DB=<existing database with the demo> skips loading.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/app.sh
if [ -n "${ENRICH_DB:-}" ]; then
    run_app 8097 "$ENRICH_DB" bench/out/enrich-app.log
    DB="$ENRICH_DB"
else
    DB=faultline_bench_enrich
    fresh_app 8097 "$DB" bench/out/enrich-app.log
    FAULTLINE_URL="$URL" FAULTLINE_API_KEY="$KEY" bash scripts/load-demo.sh >/dev/null
    until curl -sf -H "Authorization: Bearer $KEY" "$URL/api/v1/index/status" | grep -q '"pending":0'; do sleep 5; done
fi
echo "demo loaded ($(git rev-parse --short HEAD), $(date -u +%Y-%m-%dT%H:%MZ))"
psql -h 127.0.0.1 -U postgres -d "$DB" -qtA -c "SELECT left(text, 200), asset_id FROM records WHERE length(text) > 20 ORDER BY md5(id::text) LIMIT 220" \
    | python3 -c '
import json, sys
for line in sys.stdin:
    text, _, asset = line.rstrip("\n").rpartition("|")
    print(json.dumps({"text": text, "asset": asset or None}))' > bench/out/enrich-bodies.jsonl
i=0
while IFS= read -r body; do
    t=$(curl -sf -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
        -d "$body" "$URL/api/v1/enrich")
    i=$((i + 1))
    [ $i -gt 20 ] && echo "$t"
done < bench/out/enrich-bodies.jsonl | sort -n \
    | awk '{v[NR]=$1} END {printf "POST /api/v1/enrich on the demo data: p50 %.0f ms, p95 %.0f ms, max %.0f ms (%d calls)\n", v[int(NR*0.5)+1]*1000, v[int(NR*0.95)+1]*1000, v[NR]*1000, NR}'

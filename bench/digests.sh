#!/usr/bin/env bash
# Digests and trends at scale: 1,000,000 synthetic records (1,000 assets, 17 failure modes with a skewed
# distribution, two years), 100,000 of them in one week. Prints the time to build that week's digest (cold: the
# summary is made; warm: it comes from the summary cache), the p50/p95 of a trends query over all 1M records, and
# the time to stream the week's 100k records as CSV. Its own database and port.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/app.sh
DB=faultline_bench_digest
fresh_app 8098 "$DB" bench/out/digests-app.log
PSQL="psql -h 127.0.0.1 -U postgres -d $DB -qtA -v ON_ERROR_STOP=1"
# the records go straight into the tables (triggers off: no embedding of 1M synthetic texts)
$PSQL <<'SQL'
SET session_replication_role = replica;
INSERT INTO assets (id, name, type, site) SELECT 'A-' || g, 'Pump ' || g, 'pump', 'Site ' || (g % 5) FROM generate_series(1, 1000) g;
INSERT INTO records (source, external_id, kind, asset_id, site, occurred_at, text, content_hash)
SELECT 'bench', 'R-' || g, (ARRAY['maintenance_log','work_order','inspection_note','quality_report'])[1 + g % 4],
       'A-' || (1 + (g::bigint * 7919) % 1000), 'Site ' || ((1 + (g::bigint * 7919) % 1000) % 5),
       CASE WHEN g <= 100000 THEN timestamptz '2026-11-23' + (g % 604800) * interval '1 second'
            ELSE timestamptz '2024-11-23' + (g % 63072000) * interval '1 second' END,
       'pump ' || (1 + (g::bigint * 7919) % 1000) || ' ' || (ARRAY['seal leaking at flange','bearing noise grinding',
       'motor tripped overload','valve stuck open','low discharge pressure','vibration high on coupling'])[1 + g % 6]
       || ' shift ' || (g % 3), md5(g::text)
  FROM generate_series(1, 1000000) g;
INSERT INTO record_faults (record_id, fault_class, fault_source)
SELECT id, (ARRAY['Leaking','Noise','Electrical','Fail to close','Low output','Breakdown','Erratic output','Other',
       'Abnormal instrument reading','Contamination','Fail to function','Fail to open','High output',
       'Failure to start on demand','Failure to rotate','Failure to stop on demand','Minor in-service problems'])[1 + floor(17 * power(random(), 2))::int],
       'model' FROM records;
SQL
$PSQL -c "VACUUM ANALYZE" >/dev/null
echo "1M records loaded ($(git rev-parse --short HEAD), $(date -u +%Y-%m-%dT%H:%MZ))"
AUTH=(-H "Authorization: Bearer $KEY")
SUB=$(curl -sf "${AUTH[@]}" -H 'Content-Type: application/json' -d '{"email":"bench@localhost","schedule":{"every":"week","zone":"UTC"}}' \
    "$URL/api/v1/digests/subscriptions" | sed 's/.*"id":\([0-9]*\).*/\1/')
for run in cold warm warm; do
    t=$(curl -sf -o bench/out/digest-week.html -w '%{time_total}' "${AUTH[@]}" \
        "$URL/api/v1/digests/subscriptions/$SUB/preview?from=2026-11-23&to=2026-11-30")
    echo "digest of a week with 100,000 records ($run): ${t} s"
done
grep -o 'Faultline digest: [0-9]* records' bench/out/digest-week.html | head -1
p() { sort -n | awk '{v[NR]=$1} END {printf "p50 %.0f ms, p95 %.0f ms (%d requests)\n", v[int(NR*0.5)+1]*1000, v[int(NR*0.95)+1]*1000, NR}'; }
for by in faultClass asset; do
    for i in $(seq 1 20); do
        curl -sf -o /dev/null -w '%{time_total}\n' "${AUTH[@]}" \
            "$URL/api/v1/trends?by=$by&interval=week&from=2024-11-18&to=2026-12-07"
    done | { printf "trends by %s per week over 1M records: " "$by"; p; }
done
t=$(curl -sf -o bench/out/export.csv -w '%{time_total}' "${AUTH[@]}" \
    "$URL/api/v1/records/export.csv?from=2026-11-23&to=2026-11-30")
echo "CSV export of $(($(wc -l < bench/out/export.csv) - 1)) records: ${t} s; app resident memory $(ps -o rss= -p $APP | awk '{printf "%.0f MB", $1/1024}')"
# streamed, not loaded: the app again with a heap far smaller than the rows (1M records are ~150 MB of CSV and
# several times that as Java objects), exporting all of them
kill $APP; wait $APP 2>/dev/null || true
run_app 8098 "$DB" bench/out/digests-app.log JAVA_TOOL_OPTIONS=-Xmx320m FAULTLINE_CLASSIFY_POLL_INTERVAL=1h
t=$(curl -sf -o bench/out/export-all.csv -w '%{time_total}' "${AUTH[@]}" "$URL/api/v1/records/export.csv")
echo "CSV export of all $(($(wc -l < bench/out/export-all.csv) - 1)) records with a 320 MB heap (-Xmx320m):" \
    "${t} s, $(du -m bench/out/export-all.csv | cut -f1) MB of CSV; app still up: $(curl -sf -o /dev/null -w '%{http_code}' "$URL/q/health/live")"

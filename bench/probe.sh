#!/usr/bin/env bash
# The probes of issue "Hardening", rerunnable: an auth sweep over every route, over 100 malformed inputs, five
# kill -9 during an import, and a PostgreSQL restart under load. Prints the figures BENCHMARKS.md records.
# Its own database and port (8099). Restarts this machine's PostgreSQL (root, or a user allowed pg_ctlcluster).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/app.sh
OUT=bench/out
PASSWORD="probe-admin-$(head -c 12 /dev/urandom | base64 | tr -d '/+=\n')"
DB=faultline_bench_probe
# five kills are five failed runs of the job: allow more before it is given up (faultline.imports.max-attempts)
ENV=(FAULTLINE_ADMIN_PASSWORD="$PASSWORD" FAULTLINE_IMPORTS_BATCH_SIZE=500 FAULTLINE_IMPORTS_STALE_AFTER=3s
     FAULTLINE_IMPORTS_MAX_ATTEMPTS=10)
fresh_app 8099 $DB $OUT/probe-app.log "${ENV[@]}"
echo "probe of $(git rev-parse --short HEAD) at $(date -u +%Y-%m-%dT%H:%MZ)"
FAULTLINE_URL="$URL" FAULTLINE_API_KEY="$KEY" bash scripts/load-demo.sh >/dev/null
export FAULTLINE_URL="$URL" FAULTLINE_API_KEY="$KEY" FAULTLINE_ADMIN_PASSWORD="$PASSWORD"
FAULTLINE_SESSION="$(node bench/probe-users.mjs)"
export FAULTLINE_SESSION
failed=0
node bench/probe.mjs sweep || failed=1
node bench/probe.mjs malformed || failed=1

sql() { psql -h 127.0.0.1 -U faultline -d $DB -Atqc "$1"; }
job() { curl -sf -H "Authorization: Bearer $KEY" "$URL/api/v1/imports/$1"; }
field() { grep -o "\"$1\":[^,}]*" | head -1 | cut -d: -f2- | tr -d '"'; }

# --- kill -9 during an import, five times ---------------------------------------------------------------------
ROWS=150000
python3 - "$OUT/probe-import.csv" "$ROWS" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("externalId,text,kind,occurredAt,asset.id,asset.site\n")
    for i in range(1, int(sys.argv[2]) + 1):
        f.write(f"K-{i},pump {i % 97} seal leaking at gland,work_order,2025-06-01T08:00:00Z,PK-{i % 40},Plant K\n")
PY
id="$(curl -sf -H "Authorization: Bearer $KEY" "$URL/api/v1/imports" -F "file=@$OUT/probe-import.csv" -F source=probe-kill | field id)"
last=0
for kill in 1 2 3 4 5; do
    # each kill lands after a few more batches, and always before the end
    target=$((last + ROWS / 16))
    until [ "$(job "$id" | field rowsDone)" -ge "$target" ] 2>/dev/null; do sleep 0.1; done
    kill -9 "$APP"; wait "$APP" 2>/dev/null || true
    done_at="$(sql "select rows_done from import_jobs where id = '$id'")"
    last=$done_at
    [ "$done_at" -lt $ROWS ] || { echo "kill $kill came after the import ended: not a test of recovery"; failed=1; }
    echo "kill -9 number $kill at $done_at of $ROWS rows committed"
    run_app 8099 $DB $OUT/probe-app.log "${ENV[@]}"
done
for _ in $(seq 1 600); do
    state="$(job "$id" | field state)"
    [ "$state" = completed ] || [ "$state" = failed ] && break
    sleep 0.5
done
[ "$state" = completed ] || { echo "the import ended $state"; failed=1; }
final="$(job "$id")"
rows="$(sql "select count(*) from records where source = 'probe-kill'")"
distinct="$(sql "select count(distinct external_id) from records where source = 'probe-kill'")"
echo "after 5 kills: job rowsDone $(printf '%s' "$final" | field rowsDone), created $(printf '%s' "$final" | field created),"\
" attempts $(printf '%s' "$final" | field attempts); table: $rows rows, $distinct distinct (expected $ROWS each)"
[ "$rows" = $ROWS ] && [ "$distinct" = $ROWS ] || { echo "LOST OR DUPLICATED ROWS"; failed=1; }

# --- PostgreSQL stopped and started again under load ----------------------------------------------------------
CLUSTER="$(ls /etc/postgresql | sort -V | tail -1)"
node bench/probe.mjs load 30 "$OUT/probe-load.json" & LOAD=$!
sleep 8
t0=$(date +%s%3N)
pg_ctlcluster --skip-systemctl-redirect "$CLUSTER" main stop -m fast
sleep 5
pg_ctlcluster --skip-systemctl-redirect "$CLUSTER" main start
t1=$(date +%s%3N)
wait $LOAD
kill -0 "$APP" || { echo "the app died during the outage"; failed=1; }
node - "$OUT/probe-load.json" "$t0" "$t1" <<'JS' || failed=1
const [file, t0, t1] = process.argv.slice(2);
const answers = JSON.parse(require("fs").readFileSync(file, "utf8"));
const start = Math.min(...answers.map((a) => a.at));
const by = (list) => list.reduce((m, a) => ({ ...m, [a.status]: (m[a.status] ?? 0) + 1 }), {});
const api = answers.filter((a) => !a.path.startsWith("/q/"));
const bad = api.filter((a) => a.status >= 500 && a.status !== 503 || a.status === 0);
const unavailable = api.filter((a) => a.status === 503);
const lastDown = Math.max(...unavailable.map((a) => a.at + a.ms), 0);
console.log(`outage: PostgreSQL down for ${t1 - t0} ms; API and pages answered ${JSON.stringify(by(api))};`
  + ` ${unavailable.filter((a) => a.retryAfter).length} of ${unavailable.length} 503s with Retry-After,`
  + ` ${unavailable.filter((a) => a.problem || a.path === "/").length} with a body;`
  + ` readiness ${JSON.stringify(by(answers.filter((a) => a.path.startsWith("/q/"))))}`);
console.log(`  other 5xx or no answer: ${bad.length}; last 503 ended ${lastDown} ms into the run;`
  + ` answers after it: ${JSON.stringify(by(api.filter((a) => a.at > lastDown)))}`);
process.exit(bad.length ? 1 : 0);
JS
curl -sf "$URL/q/health/ready" >/dev/null && echo "ready again without restarting the app (pid $APP)"
exit $failed

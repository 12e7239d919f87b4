#!/usr/bin/env bash
# Loads the demo data (data/demo) into a running Faultline through the public import API, the same path users
# take, and shows each import's progress. Re-running it is harmless: the records come back 'unchanged'.
#   FAULTLINE_URL (http://127.0.0.1:8080); FAULTLINE_DEMO_ONLY=sensors loads only the sensor part (the browser tests)
set -euo pipefail
cd "$(dirname "$0")/.."
URL="${FAULTLINE_URL:-http://127.0.0.1:${QUARKUS_HTTP_PORT:-8080}}"
KEY="${FAULTLINE_API_KEY:-${FAULTLINE_BOOTSTRAP_API_KEY:-$(cat var/bootstrap-api-key 2>/dev/null)}}"
[ -n "$KEY" ] || { echo "[demo] needs an API key with records:write: FAULTLINE_API_KEY or var/bootstrap-api-key" >&2; exit 1; }
AUTH="Authorization: Bearer $KEY"

field() { grep -o "\"$1\":[^,}]*" | head -1 | cut -d: -f2- | tr -d '"'; }

import() {
    local name="$1"; shift
    local answer id
    answer="$(curl -sS -f -H "$AUTH" "$URL/api/v1/imports" "$@")" || { echo "[demo] import of $name was refused" >&2; exit 1; }
    id="$(printf '%s' "$answer" | field id)"
    while true; do
        local job state percent done failed total
        job="$(curl -sS -f -H "$AUTH" "$URL/api/v1/imports/$id")"
        state="$(printf '%s' "$job" | field state)"
        percent="$(printf '%s' "$job" | field percent)"
        done="$(printf '%s' "$job" | field rowsDone)"; failed="$(printf '%s' "$job" | field rowsFailed)"
        total="$(printf '%s' "$job" | field rowsTotal)"
        printf '\r[demo] %-28s %-9s %5s%%  %s/%s rows, %s failed' "$name" "$state" "$percent" "$done" "$total" "$failed"
        case "$state" in completed|failed) echo; break;; esac
        sleep 0.5
    done
    printf '       created %s, updated %s, unchanged %s\n' "$(printf '%s' "$job" | field created)" \
        "$(printf '%s' "$job" | field updated)" "$(printf '%s' "$job" | field unchanged)"
}

# sensor data: NASA C-MAPSS turbofans and AI4I 2020 milling machines (simulations), with synthetic failure records
echo "[demo] preparing the sensor demo from data/cmapss and data/ai4i2020 (var/demo)"
java scripts/DemoSensors.java var/demo
while IFS=$'\t' read -r asset body; do
    curl -sS -f -o /dev/null -X PUT -H "$AUTH" -H 'Content-Type: application/json' --data "$body" "$URL/api/v1/assets/$asset" \
        || { echo "[demo] could not register asset $asset" >&2; exit 1; }
done < var/demo/sensor-assets.tsv
echo "[demo] registered $(wc -l < var/demo/sensor-assets.tsv) assets (live turbofans, milling machines)"

ONLY="${FAULTLINE_DEMO_ONLY:-}"
if [ "$ONLY" != sensors ]; then
    import "MaintNet aviation logbook" -F "file=@data/demo/maintnet-fleet.jsonl"
    import "FAA maintenance narratives" -F "file=@data/demo/faa-narratives.jsonl"
    import "Open Repair reports" -F "file=@data/demo/openrepair.jsonl"
    import "Chinese plant records" -F "file=@data/zh-plant/records.jsonl"
fi
import "Failure records (synthetic)" -F "file=@var/demo/sensor-failures.jsonl"
import "C-MAPSS run-to-failure" -F "file=@var/demo/cmapss-history.csv" -F target=readings \
    -F cycleStart=2025-06-01T00:00:00Z -F cycleLength=PT1H
import "C-MAPSS live fleet" -F "file=@var/demo/cmapss-live.csv" -F target=readings \
    -F cycleStart=2026-11-01T00:00:00Z -F cycleLength=PT1H
import "AI4I 2020 machines" -F "file=@var/demo/ai4i-machines.csv" -F target=readings

# the sensor models, trained in the app from the readings and the failure records
train() {
    local name="$1" body="$2" run state percent stage
    curl -sS -f -o /dev/null -X PUT -H "$AUTH" -H 'Content-Type: application/json' --data "$body" \
        "$URL/api/v1/predictors/$name" || { echo "[demo] could not define predictor $name" >&2; exit 1; }
    run="$(curl -sS -f -X POST -H "$AUTH" "$URL/api/v1/predictors/$name/training" | field id)"
    while true; do
        local job
        job="$(curl -sS -f -H "$AUTH" "$URL/api/v1/predictors/$name/training/$run")"
        state="$(printf '%s' "$job" | field state)"; stage="$(printf '%s' "$job" | field stage)"
        percent="$(printf '%s' "$job" | grep -o '"progress":[0-9.eE-]*' | cut -d: -f2 | awk '{printf "%d", $1 * 100}')"
        printf '\r[demo] training %-18s %-8s %3s%%  %-70.70s' "$name" "$state" "$percent" "${stage/null/}"
        case "$state" in done) echo; break;; failed) echo; echo "[demo] training $name failed: $job" >&2; exit 1;; esac
        sleep 1
    done
}
train rul-fd001 '{"kind":"rul","assetType":"turbofan","description":"Remaining useful life in cycles, learnt from run-to-failure histories (NASA C-MAPSS FD001: simulated engines)"}'
train failure-risk-ai4i '{"kind":"failure_risk","assetType":"milling machine","description":"Chance of a machine failure at the latest snapshot, and its most likely type (AI4I 2020: simulated process data)"}'

[ "$ONLY" = sensors ] && exit 0
# the records are searchable by keyword at once; by meaning once embedded: show that progress until it is done
echo "[demo] embedding the records with the local model (search by meaning covers each one as it is done)"
while true; do
    status="$(curl -sS -f -H "$AUTH" "$URL/api/v1/index/status")" || { echo; echo "[demo] index status unavailable" >&2; exit 1; }
    pending="$(printf '%s' "$status" | field pending)"; indexed="$(printf '%s' "$status" | field indexed)"
    rate="$(printf '%s' "$status" | field recordsPerSecond)"; left="$(printf '%s' "$status" | field secondsLeft)"
    total=$((pending + indexed)); percent=$(( total == 0 ? 100 : indexed * 100 / total ))
    eta=""; [ "$left" != null ] && [ -n "$left" ] && eta=", about ${left}s left"
    speed=""; [ "$rate" != null ] && [ -n "$rate" ] && speed=", ${rate} records/s"
    printf '\r[demo] embedded %s / %s records (%s%%)%s%s          ' "$indexed" "$total" "$percent" "$speed" "$eta"
    [ "$pending" = 0 ] && { echo; break; }
    sleep 1
done
parked="$(printf '%s' "$status" | field parked)"
[ "${parked:-0}" = 0 ] || echo "[demo] $parked records could not be embedded: see GET /api/v1/index/status"

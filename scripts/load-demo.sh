#!/usr/bin/env bash
# Loads the demo data (data/demo) into a running Faultline through the public import API, the same path users
# take, and shows each import's progress. Re-running it is harmless: the records come back 'unchanged'.
#   FAULTLINE_URL (http://127.0.0.1:8080)
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

import "MaintNet aviation logbook" -F "file=@data/demo/maintnet-fleet.jsonl"
import "FAA maintenance narratives" -F "file=@data/demo/faa-narratives.jsonl"
import "Open Repair reports" -F "file=@data/demo/openrepair.jsonl"

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

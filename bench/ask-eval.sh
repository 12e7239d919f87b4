#!/usr/bin/env bash
# Ask and summary evaluation (issue #6) on the demo data (MaintNet, FAA, Open Repair: 13,502 records) in a fresh
# database: citation precision on 23 MaintNet questions, summary redundancy and coverage, Ask latency.
#   bench/ask-eval.sh        (ROUNDS=5, VERBOSE=1 prints every answer)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/app.sh
fresh_app 8096 faultline_eval bench/out/ask-eval-app.log
FAULTLINE_URL="$URL" FAULTLINE_API_KEY="$KEY" bash scripts/load-demo.sh
echo "waiting for embeddings..."
until curl -sf -H "Authorization: Bearer $KEY" "$URL/api/v1/index/status" | grep -q '"pending":0,'; do sleep 2; done
echo "waiting for the fault classifier to label them (background work would skew the latency figures)..."
until curl -sf -H "Authorization: Bearer $KEY" "$URL/api/v1/classifier" | grep -q '"pending":0,'; do sleep 2; done
psql -h 127.0.0.1 -U faultline -d faultline_eval -qc "ANALYZE records, record_embeddings, assets"
FAULTLINE_URL="$URL" FAULTLINE_API_KEY="$KEY" node bench/ask-eval.mjs
echo "app peak RSS: $(( $(awk '/VmHWM/ {print $2}' /proc/$APP/status) / 1024 )) MiB"

#!/usr/bin/env bash
# Sensor models on the demo's sensor part: training time (in-app, from stored readings) and prediction latency.
# Its own database and port.   ENGINES (40)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/app.sh
fresh_app 8099 faultline_bench_predict bench/out/predictions-app.log FAULTLINE_PREDICT_DEBOUNCE=0s \
    FAULTLINE_PREDICT_POLL_INTERVAL=0.1s QUARKUS_LOG_CATEGORY__DEV_FAULTLINE_PREDICT__LEVEL=DEBUG
FAULTLINE_URL="$URL" FAULTLINE_API_KEY="$KEY" FAULTLINE_DEMO_ONLY=sensors bash scripts/load-demo.sh | tr '\r' '\n' \
    | grep -E 'completed|training .* done'
psql -h 127.0.0.1 -U postgres -d faultline_bench_predict -qc "VACUUM ANALYZE" 2>/dev/null \
    || psql -h 127.0.0.1 -U faultline -d faultline_bench_predict -qc "VACUUM ANALYZE"
sleep 5 # the predictions queued by the training
echo "sensor demo loaded and trained ($(git rev-parse --short HEAD), $(date -u +%Y-%m-%dT%H:%MZ))"
FAULTLINE_URL="$URL" FAULTLINE_API_KEY="$KEY" node bench/predictions.mjs
# the job's own time per asset (one asset per batch here): the part of the latency that is the prediction
grep -o 'predicted 1 asset(s) in [0-9.]* ms' bench/out/predictions-app.log | awk '{print $5}' | sort -n \
    | awk '{v[NR]=$1} END {if (NR) printf "prediction work per asset (job log, %d batches of 1): p50 %.1f ms, p95 %.1f ms\n", NR, v[int(NR*0.5)+1], v[int(NR*0.95)+1]}'

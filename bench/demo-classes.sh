#!/usr/bin/env bash
# The demo's fault classes as the running app gives them (#23 point 4, #24 point 5): loads the demo data into a fresh
# database (faultline_democlasses) through the API, waits until every record is embedded and classified, then prints
# the share answered "Unknown" per source (the Open Repair and Chinese records split into the half the shipped models
# train on, odd ids, and the held-out half), which head answered (main or CJK), and the accuracy on the held-out
# records whose source carries a label: Open Repair fault types mapped by the team (data/ords-fault-quests/
# failure-modes.tsv) and the Chinese records' labels (data/zh-plant/labels.csv). About 15 minutes on 2 cores.
#   bench/demo-classes.sh          fresh database
#   bench/demo-classes.sh reuse    the database as the last run left it
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/app.sh
DB="${DEMO_CLASSES_DB:-faultline_democlasses}"
if [ "${1:-}" = reuse ]; then
    run_app 8096 "$DB" bench/out/demo-classes-app.log
else
    fresh_app 8096 "$DB" bench/out/demo-classes-app.log
    FAULTLINE_URL="$URL" FAULTLINE_API_KEY="$KEY" bash scripts/load-demo.sh
fi
echo "waiting for embeddings and classification..."
until curl -sf -H "Authorization: Bearer $KEY" "$URL/api/v1/index/status" | grep -q '"pending":0,'; do sleep 2; done
until [ "$(psql -h 127.0.0.1 -U faultline -d "$DB" -Atc "SELECT (SELECT count(*) FROM classify_queue)
        + (SELECT count(*) FROM classifier_runs WHERE status IN ('queued', 'running'))")" = 0 ]; do
    kill -0 $APP; sleep 2
done
psql -h 127.0.0.1 -U faultline -d "$DB" -AtF $'\t' -c "SELECT r.external_id, r.source, r.kind,
        coalesce(f.fault_class, '-'), coalesce(f.fault_model, '-') FROM records r
        LEFT JOIN record_faults f ON f.record_id = r.id ORDER BY r.id" > bench/out/demo-classes.tsv
python3 bench/demo-classes.py bench/out/demo-classes.tsv

#!/usr/bin/env bash
# Retrieval evaluation: loads MaintNorm (test split) and the MaintNet logbook into a fresh database through the
# import API, waits until every record is embedded, then measures keyword, semantic and hybrid search.
#   bench/retrieval-eval.sh        (prints the tables; record them in BENCHMARKS.md)
#   bench/retrieval-eval.sh tune   (also loads the MaintNorm validation split; prints keyword, semantic and hybrid
#                                   at several vector weights on held-out data: the dev questions and that split)
#   bench/retrieval-eval.sh pool   (prints the top-ten records of each mode that data/maintnet/judgments.tsv has not
#                                   judged yet, shuffled and without their mode: to judge after search changes)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/app.sh
OUT=bench/out
fresh_app 8096 faultline_eval "$OUT/eval-app.log"
node bench/retrieval-eval.mjs maintnorm-jsonl > "$OUT/maintnorm.jsonl"
curl -sf -H "Authorization: Bearer $KEY" "$URL/api/v1/imports" -F source=maintnet \
    -F "file=@data/maintnet/Aircraft_Annotation_DataFile.csv" -F "mapping=<data/demo/maintnet.mapping.json" >/dev/null
curl -sf -H "Authorization: Bearer $KEY" "$URL/api/v1/imports" -F "file=@$OUT/maintnorm.jsonl" >/dev/null
if [ "${1:-}" = tune ]; then
    node bench/retrieval-eval.mjs maintnorm-jsonl val > "$OUT/maintnorm-val.jsonl"
    curl -sf -H "Authorization: Bearer $KEY" "$URL/api/v1/imports" -F "file=@$OUT/maintnorm-val.jsonl" >/dev/null
fi
echo "waiting for imports and embeddings..."
start=$(date +%s)
while :; do
    status="$(curl -sf -H "Authorization: Bearer $KEY" "$URL/api/v1/index/status")"
    running="$(curl -sf -H "Authorization: Bearer $KEY" "$URL/api/v1/imports" | grep -c '"state":"\(queued\|running\)"' || true)"
    case "$status" in *'"pending":0,'*) [ "$running" = 0 ] && break;; esac
    sleep 2
done
echo "indexed in $(( $(date +%s) - start )) s: $status"
# fresh planner statistics, as autovacuum would have them on a running system
psql -h 127.0.0.1 -U faultline -d faultline_eval -qc "ANALYZE records, record_embeddings, assets"
# (c) searches one site of seven: the logbook's records are spread over sites by their number, as the evaluation
# script computes it (MaintNet has no sites of its own)
psql -h 127.0.0.1 -U faultline -d faultline_eval -qc \
    "UPDATE records SET site = 'Site ' || (external_id::bigint % 7) WHERE source = 'maintnet'; ANALYZE records"
# (c) with indexes of their own for the sites (the seven sites hold 881 records each, below the default threshold):
#   FAULTLINE_SEARCH_SITE_INDEXES_MIN_RECORDS=100 FAULTLINE_SEARCH_SITE_INDEXES_DELAY=1s \
#   FAULTLINE_SEARCH_SITE_INDEXES_INTERVAL=2s bench/retrieval-eval.sh
if [ "${FAULTLINE_SEARCH_SITE_INDEXES_MIN_RECORDS:-0}" != 0 ]; then
    until [ "$(psql -h 127.0.0.1 -U faultline -d faultline_eval -Atc \
            "SELECT count(*) FROM site_indexes WHERE site LIKE 'Site _'")" = 7 ]; do
        kill -0 $APP; sleep 1
        [ $SECONDS -lt 3600 ] || { echo "the site indexes were not built: see $OUT/eval-app.log" >&2; exit 1; }
    done
    echo "site indexes built: $(psql -h 127.0.0.1 -U faultline -d faultline_eval -Atc \
        "SELECT string_agg(site || ' ' || records, ', ' ORDER BY site) FROM site_indexes")"
fi
FAULTLINE_URL="$URL" FAULTLINE_API_KEY="$KEY" node bench/retrieval-eval.mjs "${1:-run}"

#!/usr/bin/env bash
# Search and Ask evaluation on the demo data (bench/eval/: queries and questions written and judged blind to the
# results). Loads the demo data (MaintNet, the FAA narratives, Open Repair and
# the 400 Chinese plant records) into database faultline_searcheval
# through the API and waits for the embeddings, then prints P@10 / nDCG@10 / Recall@50 per query type for keyword,
# vector and hybrid search, and the Ask figures (cited-record precision, counting answers, "not found").
#   bench/search-eval.sh           fresh database
#   bench/search-eval.sh reuse     the database as the last run left it (same data, no re-embedding)
#   COLLAPSE=false ...             results without near-duplicate collapsing; VERBOSE=1 lists the weakest queries;
#   PER_QUERY=1 prints every query's P@10 and nDCG@10 per list (to compare two versions query by query)
#   CEILING=100 adds the best hybrid P@10 a second stage reordering the first 100 results could reach (what a
#   reranker over those candidates can gain at most)
#   FAULTLINE_SEARCH_RERANK_ENABLED=false ...   hybrid without the second stage. With it (the default), the hybrid
#   figure is optimistic: the shipped reranker was trained on these queries. Its honest figure is the cross-validated
#   one of bench/rerank-train.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/app.sh
DB="${SEARCH_EVAL_DB:-faultline_searcheval}"
if [ "${1:-}" = reuse ]; then
    run_app 8097 "$DB" bench/out/search-eval-app.log   # a new bootstrap key is registered on start
else
    fresh_app 8097 "$DB" bench/out/search-eval-app.log
    FAULTLINE_URL="$URL" FAULTLINE_API_KEY="$KEY" bash scripts/load-demo.sh
fi
echo "waiting for embeddings..."
until curl -sf -H "Authorization: Bearer $KEY" "$URL/api/v1/index/status" | grep -q '"pending":0,'; do sleep 2; done
echo "waiting for the spelling vocabulary (built 30 s after start, then when records change)..."
until [ "$(psql -h 127.0.0.1 -U faultline -d "$DB" -Atc "SELECT count(*) FROM search_vocabulary_state")" = 1 ]; do
    kill -0 $APP; sleep 2
done
psql -h 127.0.0.1 -U faultline -d "$DB" -qc "ANALYZE records, record_embeddings, assets"
node bench/eval/count-relevant.mjs > /dev/null
FAULTLINE_URL="$URL" FAULTLINE_API_KEY="$KEY" node bench/search-eval.mjs run
if [ -f bench/ask-count-eval.mjs ]; then FAULTLINE_URL="$URL" FAULTLINE_API_KEY="$KEY" node bench/ask-count-eval.mjs; fi

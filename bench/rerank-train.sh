#!/usr/bin/env bash
# Trains the search reranker (faultline.search.rerank.*) and measures it honestly: query-level cross-validation on the
# #22 evaluation set (bench/eval/queries.json). The answerable queries are split into 5 folds by type; each fold's
# queries are searched by the app running a model trained on the other four folds only, and scored as
# bench/search-eval.sh scores them (P@10 / nDCG@10 / Recall@50, near duplicates collapsed). Printed beside hybrid
# search without the reranker, in the same run. Then one model is trained on every query (what ships).
#   bench/rerank-train.sh           over the database bench/search-eval.sh left (faultline_searcheval; run that first)
#   SHIP=1 bench/rerank-train.sh    also copies the model trained on every query to src/main/resources/search/
# About 4 minutes on 2 cores. Figures: BENCHMARKS.md, "Reranker".
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/app.sh
DB="${SEARCH_EVAL_DB:-faultline_searcheval}"
OUT=bench/out/rerank
mkdir -p "$OUT"
rm -f "$OUT"/*.jsonl "$OUT"/fold-*.model
CP="target/classes:target/quarkus-app/lib/main/*"
train() { java -cp "$CP" bench/RerankTrain.java "$@" 2>&1 | grep -v -E '^SLF4J|WARNING'; }
stop_app() { kill $APP; wait $APP 2>/dev/null || true; }

run_app 8097 "$DB" "$OUT/app.log" FAULTLINE_SEARCH_RERANK_ENABLED=false
export FAULTLINE_URL="$URL" FAULTLINE_API_KEY="$KEY"
node bench/rerank-features.mjs "$OUT/features.tsv"
MODES=hybrid SCORES_OUT="$OUT/fused.jsonl" node bench/search-eval.mjs run > /dev/null
stop_app

mapfile -t FOLDS < <(train folds "$OUT/features.tsv")
for k in "${!FOLDS[@]}"; do
    echo "fold $k: ${FOLDS[$k]}"
    train train "$OUT/features.tsv" "$OUT/fold-$k.model" "$k" | tail -n 1
    run_app 8097 "$DB" "$OUT/app.log" FAULTLINE_SEARCH_RERANK_MODEL="$PWD/$OUT/fold-$k.model"
    FAULTLINE_URL="$URL" FAULTLINE_API_KEY="$KEY" QUERIES="${FOLDS[$k]}" MODES=hybrid SCORES_OUT="$OUT/reranked.jsonl" \
        node bench/search-eval.mjs run > /dev/null
    stop_app
done
node bench/rerank-cv.mjs "$OUT/fused.jsonl" "$OUT/reranked.jsonl"
train train "$OUT/features.tsv" "$OUT/all.model"
if [ "${SHIP:-}" = 1 ]; then
    cp "$OUT/all.model" src/main/resources/search/reranker.model
    echo "shipped: src/main/resources/search/reranker.model (rebuild the app)"
fi

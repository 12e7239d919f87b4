#!/usr/bin/env bash
# The first searches after the app starts, with the search warm-up (faultline.search.warm-up-rounds) and without,
# alternately, twice each, over the database bench/search-latency.sh left behind (run that first).
#   bench/first-searches.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-env.sh
OUT=bench/out; mkdir -p "$OUT"
DB=faultline_bench
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
echo "$(psql -h 127.0.0.1 -U faultline -d "$DB" -Atc 'select count(*) from records') records in $DB"
KEY="bench-key-$(head -c 24 /dev/urandom | base64 | tr -d '/+=\n')"
for round in 1 2; do
    for rounds in 3 0; do
        FAULTLINE_SEARCH_WARM_UP_ROUNDS=$rounds FAULTLINE_SEARCH_QUERY_VECTOR_CACHE=0 FAULTLINE_BOOTSTRAP_API_KEY="$KEY" QUARKUS_HTTP_PORT=8097 \
        QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" FAULTLINE_IMPORTS_SPOOL_DIR="$OUT/spool" \
        QUARKUS_LOG_CATEGORY__DEV_FAULTLINE__LEVEL=WARN QUARKUS_LOG_CATEGORY__DEV_FAULTLINE_SEARCH__LEVEL=INFO \
          java --enable-native-access=ALL-UNNAMED -jar target/quarkus-app/quarkus-run.jar > "$OUT/first-searches-app.log" 2>&1 &
        APP=$!
        trap 'kill $APP 2>/dev/null || true' EXIT
        until curl -sf "http://127.0.0.1:8097/q/health/ready" >/dev/null; do kill -0 $APP; sleep 0.3; done
        if [ "$rounds" -gt 0 ]; then
            for _ in $(seq 300); do grep -q "search warm" "$OUT/first-searches-app.log" && break; kill -0 $APP; sleep 0.2; done
            grep -q "search warmed up" "$OUT/first-searches-app.log" || { echo "no warm-up line in 60 s" >&2; exit 1; }
        else
            sleep 7 # as long as the warm-up takes, so both start from the same quiet machine
        fi
        echo "warm-up rounds $rounds: $(FAULTLINE_URL=http://127.0.0.1:8097 FAULTLINE_API_KEY="$KEY" node bench/first-searches.mjs)"
        kill $APP; wait $APP 2>/dev/null || true
    done
done

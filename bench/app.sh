# Sourced by the bench scripts (from the repository root): a fresh database and the packaged app on a port.
#   fresh_app PORT DB LOG [NAME=VALUE...]  recreates database DB, then run_app
#   run_app PORT DB LOG [NAME=VALUE...]    starts the app on PORT over database DB as it is (log appended to LOG),
#                                          with the extra environment given, waits until it is ready, and stops it
#                                          on exit; sets APP (pid), KEY (its bootstrap API key) and URL.
. scripts/java-env.sh
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
KEY="bench-key-$(head -c 24 /dev/urandom | base64 | tr -d '/+=\n')"
fresh_app() {
    FAULTLINE_DB_NAMES="$2" FAULTLINE_DB_RECREATE=1 bash scripts/setup-db.sh >/dev/null
    mkdir -p "$(dirname "$3")"
    : > "$3"
    run_app "$@"
}
run_app() {
    local port="$1" db="$2" log="$3"
    shift 3
    mkdir -p bench/out
    URL="http://127.0.0.1:$port"
    # no search warm-up (faultline.search.warm-up-rounds): its searches at start would overlap what is measured
    env FAULTLINE_SEARCH_WARM_UP_ROUNDS=0 FAULTLINE_BOOTSTRAP_API_KEY="$KEY" QUARKUS_HTTP_PORT="$port" \
        QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$db" FAULTLINE_IMPORTS_SPOOL_DIR="bench/out/spool-$port" \
        "$@" java --enable-native-access=ALL-UNNAMED -jar target/quarkus-app/quarkus-run.jar >> "$log" 2>&1 &
    APP=$!
    trap 'kill $APP 2>/dev/null || true' EXIT
    until curl -sf "$URL/q/health/ready" >/dev/null; do kill -0 $APP; sleep 0.3; done
}

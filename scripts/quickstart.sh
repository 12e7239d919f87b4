#!/usr/bin/env bash
# Command (1) of the README: sets this machine up, builds Faultline, starts it and loads the demo data.
# Stays in the foreground; Ctrl-C stops the app. Safe to run again.
#   QUARKUS_HTTP_PORT (8080), QUARKUS_DATASOURCE_* and FAULTLINE_DB_* to point elsewhere, FAULTLINE_DEMO=0 to skip the demo data
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-env.sh
echo "[quickstart] using Java at $JAVA_HOME"

bash scripts/setup-db.sh
command -v curl >/dev/null || { echo "[quickstart] installing curl"; $([ "$(id -u)" = 0 ] || echo sudo) apt-get install -y -qq curl >/dev/null; }

echo "[quickstart] building (first run downloads Maven and the dependencies)"
./mvnw -B -q package -DskipTests

. scripts/credentials.sh
PORT="${QUARKUS_HTTP_PORT:-8080}"
echo "[quickstart] starting Faultline on port $PORT (log: var/faultline.log)"
java --enable-native-access=ALL-UNNAMED -jar target/quarkus-app/quarkus-run.jar > var/faultline.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT INT TERM
for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null && break
    kill -0 $APP 2>/dev/null || { echo "[quickstart] Faultline exited; last log lines:"; tail -20 var/faultline.log; exit 1; }
    sleep 0.5
done

if [ "${FAULTLINE_DEMO:-1}" != 0 ]; then
    FAULTLINE_URL="http://127.0.0.1:$PORT" bash scripts/load-demo.sh
fi
echo
echo "[quickstart] Faultline is running:  http://127.0.0.1:$PORT/   (API docs: /q/swagger-ui)  Ctrl-C stops it."
echo "[quickstart] Sign in as 'admin' with the password in var/admin-password (created on the first start only):"
echo "             $(cat var/admin-password)"
echo "[quickstart] API key with every scope (var/bootstrap-api-key), for scripts: Authorization: Bearer <key>"
echo "             $(cat var/bootstrap-api-key)"
wait $APP

#!/usr/bin/env bash
# Part of the test command: every curl example in README.md must run against the demo data and answer with
# something. Starts the packaged app (target/quarkus-app) on its own port and database, loads the demo data the
# way the quick start does, waits until it is embedded and classified, then runs scripts/readme-examples.mjs.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-env.sh
PORT="${README_PORT:-8096}"
DB=faultline_readme
FAULTLINE_DB_NAMES="$DB" FAULTLINE_DB_RECREATE=1 bash scripts/setup-db.sh >/dev/null
mkdir -p target
export FAULTLINE_API_KEY="readme-$(head -c 24 /dev/urandom | base64 | tr -d '/+=\n')-key"
export FAULTLINE_ADMIN_PASSWORD="readme-admin-$(head -c 12 /dev/urandom | base64 | tr -d '/+=\n')"
QUARKUS_HTTP_PORT=$PORT QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
FAULTLINE_BOOTSTRAP_API_KEY="$FAULTLINE_API_KEY" FAULTLINE_IMPORTS_SPOOL_DIR=target/readme-spool \
FAULTLINE_SEARCH_WARM_UP_ROUNDS=0 \
  java --enable-native-access=ALL-UNNAMED -jar target/quarkus-app/quarkus-run.jar > target/readme-app.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null && break
    kill -0 $APP 2>/dev/null || { echo "[readme] app exited; see target/readme-app.log"; exit 1; }
    sleep 0.5
done
export FAULTLINE_URL="http://127.0.0.1:$PORT"
bash scripts/load-demo.sh
echo "[readme] waiting for the background classification"
for _ in $(seq 1 600); do
    pending="$(curl -sf -H "Authorization: Bearer $FAULTLINE_API_KEY" "$FAULTLINE_URL/api/v1/classifier" \
        | grep -o '"pending":[0-9]*' | cut -d: -f2)"
    [ "$pending" = 0 ] && break
    sleep 1
done
node scripts/readme-examples.mjs

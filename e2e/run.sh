#!/usr/bin/env bash
# Runs the browser tests: starts the packaged app on its own port and database, drives the system Chromium
# with playwright-core (no browser download), saves screenshots to e2e/artifacts/, stops the app.
# Needs: target/quarkus-app (./mvnw package), Chromium (/usr/bin/chromium), Node.js 18+.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-env.sh
PORT="${E2E_PORT:-8095}"
DB=faultline_e2e
FAULTLINE_DB_NAMES="$DB" FAULTLINE_DB_RECREATE=1 bash scripts/setup-db.sh >/dev/null

(cd e2e && [ -d node_modules/playwright-core ] || PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
mkdir -p e2e/artifacts
export FAULTLINE_ADMIN_PASSWORD="e2e-admin-$(head -c 12 /dev/urandom | base64 | tr -d '/+=\n')"
export FAULTLINE_BOOTSTRAP_API_KEY="e2e-bootstrap-key-$(head -c 30 /dev/urandom | base64 | tr -d '/+=\n')"
QUARKUS_HTTP_PORT=$PORT QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
FAULTLINE_IMPORTS_SPOOL_DIR=target/e2e-spool FAULTLINE_DIGEST_POLL_INTERVAL=2s FAULTLINE_WEBHOOKS_ALLOWED_HOSTS=127.0.0.1 \
  java --enable-native-access=ALL-UNNAMED -jar target/quarkus-app/quarkus-run.jar > e2e/artifacts/app.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null && break
    kill -0 $APP 2>/dev/null || { echo "[e2e] app exited; see e2e/artifacts/app.log"; exit 1; }
    sleep 0.5
done
# the sensor part of the demo (readings, synthetic failure records, both models trained): sensors.test.mjs
FAULTLINE_URL="http://127.0.0.1:$PORT" FAULTLINE_DEMO_ONLY=sensors bash scripts/load-demo.sh | tr '\r' '\n' \
    | grep -E 'completed|done|failed|registered'
cd e2e && FAULTLINE_URL="http://127.0.0.1:$PORT" node --test --test-concurrency=1 ${E2E_TESTS:-tests/}

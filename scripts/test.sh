#!/usr/bin/env bash
# Command (2) of the README, and what CI runs: prepares the database (PostgreSQL + pgvector) and runs every test:
# unit and @QuarkusTest tests against the real database, then the integration tests against the packaged app.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-env.sh
echo "[test] using Java at $JAVA_HOME"
bash scripts/setup-db.sh

# browser tests need Chromium and Node.js (never a browser downloaded by a test tool)
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v node >/dev/null && command -v npm >/dev/null || missing+=(nodejs npm)
# a Chinese font, so the Chinese pages' screenshots read as text rather than boxes (the tests read the DOM, not pixels)
command -v fc-list >/dev/null && fc-list :lang=zh | grep -q . || missing+=(fonts-wqy-microhei)
if [ ${#missing[@]} -gt 0 ]; then
    echo "[test] installing ${missing[*]}"
    as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

./mvnw -B verify "$@"
echo "[test] browser tests (e2e/, screenshots in e2e/artifacts/)"
bash e2e/run.sh
echo "[test] every curl example of README.md against the demo data"
bash scripts/readme-examples.sh

#!/usr/bin/env bash
# Command (2) of the README, and what CI runs: prepares the database (PostgreSQL + pgvector) and runs every test:
# unit and @QuarkusTest tests against the real database, then the integration tests against the packaged app.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-env.sh
echo "[test] using Java at $JAVA_HOME"
bash scripts/setup-db.sh
./mvnw -B verify "$@"

#!/usr/bin/env bash
# Writes the API document the build produces (target/openapi/openapi.json) to src/test/openapi/, where the client
# generated for GeneratedClientTest is made from and OpenApiDocumentTest compares it with the live one. Run after
# changing the API, and commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-env.sh
./mvnw -B -q package -Dmaven.test.skip=true
cp target/openapi/openapi.json src/test/openapi/faultline-openapi.json
echo "src/test/openapi/faultline-openapi.json updated"

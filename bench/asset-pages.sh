#!/usr/bin/env bash
# Asset page latency with 8 concurrent clients on the demo data (issue: no heavy work on page views).
# Its own database and port; prints p50/p95 of the page (first view and with summaries made) and of the summary
# fragment a page fetches when its summary is not made yet.   CLIENTS (8), ASSETS (60)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/app.sh
PASSWORD="bench-admin-$(head -c 12 /dev/urandom | base64 | tr -d '/+=\n')"
fresh_app 8098 faultline_bench_pages bench/out/asset-pages-app.log FAULTLINE_ADMIN_PASSWORD="$PASSWORD"
FAULTLINE_URL="$URL" FAULTLINE_API_KEY="$KEY" bash scripts/load-demo.sh >/dev/null
until [ "$(curl -sf -H "Authorization: Bearer $KEY" "$URL/api/v1/classifier" | grep -o '"pending":[0-9]*' | cut -d: -f2)" = 0 ]; do sleep 1; done
# autovacuum is off on this machine (DEVELOPERS.md): what it would have done after a bulk load
psql -h 127.0.0.1 -U postgres -d faultline_bench_pages -qc "VACUUM ANALYZE" 2>/dev/null \
    || psql -h 127.0.0.1 -U faultline -d faultline_bench_pages -qc "VACUUM ANALYZE"
echo "demo loaded, embedded and classified ($(git rev-parse --short HEAD), $(date -u +%Y-%m-%dT%H:%MZ))"
FAULTLINE_URL="$URL" FAULTLINE_API_KEY="$KEY" FAULTLINE_ADMIN_PASSWORD="$PASSWORD" node bench/asset-pages.mjs

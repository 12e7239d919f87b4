#!/usr/bin/env bash
# The search ranking trained on feedback (Admin -> Quality), measured with the #22 evaluation's judgements standing in
# for technicians' thumbs on the first page of each search (bench/ranking-feedback.mjs). Runs over the database
# bench/search-eval.sh left (faultline_searcheval; run that first). Its feedback is replaced on every run (a person's
# judgement of a result replaces the earlier one). Figures: BENCHMARKS.md, "Reranker".
#   bench/ranking-feedback.sh          JUDGED=20 bench/ranking-feedback.sh   (results judged per search)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/app.sh
DB="${SEARCH_EVAL_DB:-faultline_searcheval}"
mkdir -p bench/out
# the admin is created on the database's first start with a password (none if it had none): kept for later runs
[ -s bench/out/ranking-admin-password ] || echo "bench-admin-$(head -c 18 /dev/urandom | base64 | tr -d '/+=\n')" \
    > bench/out/ranking-admin-password
export FAULTLINE_ADMIN_PASSWORD="$(cat bench/out/ranking-admin-password)"
run_app 8097 "$DB" bench/out/ranking-feedback-app.log FAULTLINE_ADMIN_PASSWORD="$FAULTLINE_ADMIN_PASSWORD"
FAULTLINE_URL="$URL" FAULTLINE_API_KEY="$KEY" node bench/ranking-feedback.mjs

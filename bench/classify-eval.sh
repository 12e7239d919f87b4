#!/usr/bin/env bash
# Fault-classification evaluation (issue #5): accuracy, micro/macro-F1, per-class precision/recall and the
# confusion matrix of the app's classifier beside a char n-gram TF-IDF + logistic-regression baseline, on
#   fmc  FMC-MWO2KG: trained on train + dev (as the app's bundled model), reported on test
#   faa  FAA accident/incident narratives (OMIn): cause code c78, 5-fold stratified cross-validation
#   ords Open Repair fault types: 5-fold cross-validation per device family
#   quality  quality-report defect classes: trained on descriptions + seed examples, reported on data/quality-reports
#   demo     the demo's Open Repair records: Unknown share and accuracy on the held-out half (not in the default run)
#   latency  one classification at a time (embed + head, and the head alone), p50/p95 (not in the default run)
#   train10k training time for 10,000 examples (not in the default run)
# QUERY_THREADS=2 times one text on two threads (the app default, faultline.model.query-threads, is 1).
# Usage: bench/classify-eval.sh [fmc,faa,ords,quality] [-v]   (-v adds per-class tables for the cross-validations and the
# FMC dev split). About 1 minute for fmc+faa and a few more for ords on 2 cores. Needs the app built.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-env.sh
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
java --enable-native-access=ALL-UNNAMED -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
    -cp "target/classes:target/quarkus-app/lib/main/*:target/quarkus-app/lib/boot/*" \
    bench/ClassifyEval.java "${1:-fmc,faa,ords,quality}" "${2:-}" 2>&1 | grep -v -E '^SLF4J|WARNING'

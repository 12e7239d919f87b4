#!/usr/bin/env bash
# Sensor models against the reference data (data/cmapss, data/ai4i2020), with the app's own recipes:
# prints "FD001 RMSE <x> PHM08-score <y>" and "AI4I machine-failure F1 <x> ROC-AUC <y>", then the details.
# About 2 minutes on 2 cores (the AI4I part trains 5 x 6 models for each of its 5 targets). Needs the app built.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-env.sh
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
java --enable-native-access=ALL-UNNAMED -cp "target/classes:target/quarkus-app/lib/main/*" bench/SensorEval.java 2>&1 \
    | grep -v -E '^SLF4J|^\[[0-9:]+\] WARNING|WARNING: '

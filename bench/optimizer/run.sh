#!/usr/bin/env bash
# Optimizer benchmark: baseline (2000x20 vector, synthetic 12.5k-200k positions), then realistic and synthetic curves to 250k.
# Usage: bench/optimizer/run.sh [timeLimitMillis=5000] [targetGap=1e-5]   (run from anywhere; needs Maven, Java 17)
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
java -Xmx2g -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
    org.spares.bench.OptimizerBenchmark src/test/resources/vectors/solve-2000x20-wait-per-depot.json \
    "${1:-5000}" "${2:-1e-5}"

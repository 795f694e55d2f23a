#!/usr/bin/env bash
# Simulation benchmark (issue 11): 1,000 positions x 365 days x 200 replications, baselines (one thread, one
# replication) in the same run.
# Usage: bench/simulate/run.sh [replications=200] [days=365]   (run from anywhere; needs Maven, Java 17)
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
java -Xmx2g -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
    org.spares.bench.SimulationBenchmark "${1:-200}" "${2:-365}"

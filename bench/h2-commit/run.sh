#!/usr/bin/env bash
# What H2's WRITE_DELAY=0 (durable commits, docs/RELIABILITY.md section 8) costs: raw JDBC, 8 connections, a
# reservation-shaped transaction, alternating WRITE_DELAY=500 and 0 on fresh files in a temporary directory.
# Arguments: seconds per phase (8), rounds (4; the first warms the JIT). Environment: MVN_ARGS (e.g. -o).
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q ${MVN_ARGS:-} -DskipTests test-compile
mvn -q ${MVN_ARGS:-} dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.spares.bench.H2CommitCost \
  "${1:-8}" "${2:-4}"

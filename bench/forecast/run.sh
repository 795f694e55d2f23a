#!/usr/bin/env bash
# Forecasting benchmark: the demo's shape (1,000 positions x 52 weeks) and 100,000 positions x 104 weeks, each with
# the naive-backtest baseline and the mean-only floor in the same run, one thread; then the method-choice study.
# Usage: bench/forecast/run.sh [positions=100000] [naive subset=5000]   (from anywhere; Maven, Java 17)
# Env: MVN_ARGS (default -o, offline).
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn ${MVN_ARGS:--o} -q test-compile
java -Xmx2g -cp target/classes:target/test-classes org.spares.bench.ForecastBenchmark "$@"

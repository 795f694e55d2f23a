#!/usr/bin/env bash
# Reports benchmark on MariaDB/MySQL: seeds a bulk ledger, starts the service with -Xmx512m and times each report.
# Usage: bench/reports/run.sh [rows=1000000] [depots=20] [parts=5000]
# Env: BENCH_DB (schema, default spares_bench, DROPPED and re-created), BENCH_DB_HOST (127.0.0.1:3306),
#      BENCH_DB_USER (root), BENCH_DB_PASSWORD (empty), BENCH_REPEAT (5), BENCH_SKIP_SEED=1 to reuse the schema,
#      BENCH_PORT (18080; the admin port is the next one), BENCH_JAR (target/spares.jar).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS=${1:-1000000}
DEPOTS=${2:-20}
PARTS=${3:-5000}
DB=${BENCH_DB:-spares_bench}
HOST=${BENCH_DB_HOST:-127.0.0.1:3306}
REPEAT=${BENCH_REPEAT:-5}
export SPARES_DB_URL="jdbc:mysql://$HOST/$DB?createDatabaseIfNotExist=true"
export SPARES_DB_USER=${BENCH_DB_USER:-root}
export SPARES_DB_PASSWORD=${BENCH_DB_PASSWORD:-}
export SPARES_PORT=${BENCH_PORT:-18080}
export SPARES_ADMIN_PORT=$((SPARES_PORT + 1))
JAR=${BENCH_JAR:-target/spares.jar}

[ -f "$JAR" ] || mvn -q -DskipTests package
if [ "${BENCH_SKIP_SEED:-0}" != 1 ]; then
  mysql -h"${HOST%:*}" -P"${HOST#*:}" -u"$SPARES_DB_USER" ${SPARES_DB_PASSWORD:+-p$SPARES_DB_PASSWORD} \
    -e "DROP DATABASE IF EXISTS \`$DB\`; CREATE DATABASE \`$DB\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
  start=$(date +%s.%N)
  java -Xmx1g -jar "$JAR" seed-bulk --rows "$ROWS" --depots "$DEPOTS" --parts "$PARTS" --seed 1 config.yml
  echo "seed-bulk: $(echo "$(date +%s.%N) - $start" | bc) s"
  start=$(date +%s.%N)
  java -Xmx1g -jar "$JAR" check-ledger config.yml 2>/dev/null | tail -1
  echo "check-ledger: $(echo "$(date +%s.%N) - $start" | bc) s"
fi
TOKEN=$(java -jar "$JAR" add-user --name "bench-$$" --role FINANCE config.yml 2>/dev/null | tail -1)

java -Xmx512m -jar "$JAR" server config.yml > /tmp/spares-bench-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER' EXIT
until curl -sf "localhost:$SPARES_ADMIN_PORT/healthcheck" > /dev/null; do sleep 1; done

FROM=$(date -u -d '365 days ago' +%Y-%m-%d)
# A period inside the history: every position has rows on both sides of its bounds, so each needs its last row
# before each bound from the ledger (the year above starts before the first row and ends now, after the last).
MID_FROM=$(date -u -d '240 days ago' +%Y-%m-%d)
MID_TO=$(date -u -d '60 days ago' +%Y-%m-%d)
API="localhost:$SPARES_PORT/api/v1/reports"
heap_peak=0
heap() {
  curl -s "localhost:$SPARES_ADMIN_PORT/metrics" | python3 -c \
    'import json,sys; print(json.load(sys.stdin)["gauges"]["jvm.memory.heap.used"]["value"])'
}
echo "| report | body | best s | median s | worst s |"
echo "| --- | ---: | ---: | ---: | ---: |"
for path in "carrying-cost?from=$FROM&groupBy=depot" "carrying-cost?from=$FROM&groupBy=part" \
    "carrying-cost?from=$FROM&groupBy=category" "carrying-cost?from=$FROM&groupBy=part&format=csv" \
    "valuation?groupBy=depot" "valuation?groupBy=part" "excess?format=csv" "dead-stock?format=csv" \
    "carrying-cost?from=$MID_FROM&to=$MID_TO&groupBy=depot" "carrying-cost?from=$MID_FROM&to=$MID_TO&groupBy=part" \
    "valuation?asOf=$MID_TO&groupBy=depot" "excess?asOf=$MID_TO&format=csv" \
    "dead-stock?asOf=$MID_TO&format=csv" "turnaround?from=$FROM"; do
  curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" "$API/$path"   # warm-up
  times=()
  for _ in $(seq "$REPEAT"); do
    times+=("$(curl -s -o /tmp/spares-bench-body -w '%{time_total}' -H "Authorization: Bearer $TOKEN" "$API/$path")")
    used=$(heap); [ "$used" -gt "$heap_peak" ] && heap_peak=$used
  done
  lines=$(wc -l < /tmp/spares-bench-body); bytes=$(wc -c < /tmp/spares-bench-body)
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  echo "| \`$path\` | $bytes bytes, $lines lines | $(echo "$sorted" | head -1) | $(echo "$sorted" | sed -n "$(( (REPEAT + 1) / 2 ))p") | $(echo "$sorted" | tail -1) |"
done
echo
echo "heap used, highest sample after a request: $((heap_peak / 1048576)) MiB of -Xmx512m"

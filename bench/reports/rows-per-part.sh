#!/usr/bin/env bash
# Report time against ledger rows per part on the embedded H2 database (the default), one fresh H2 file per size.
# Usage: bench/reports/rows-per-part.sh [jar=target/spares.jar] [rows per part...=500 1000 2000 4000 8000 16000]
# Each size: seed-bulk with 4 parts and 2 depots (rows = 4 x rows per part, one year ending now), then the four
# position reports (valuation, carrying cost, excess, dead stock) now and at an instant inside the history, each
# warmed up once and timed BENCH_REPEAT (3) times; prints the median per report as a Markdown table. A 500 (the
# reports' 1 s statement limit of the old pool validation) shows as "500" (an error answer, not seconds).
# Env: BENCH_REPEAT (3), BENCH_DIR (/tmp/spares-bench-h2, DELETED per size), BENCH_JAVA_OPTS (extra server JVM
# options, e.g. -Ddw.database.validationQueryTimeout=120s to time an older jar past its 1 s limit). Ports 18180/18181.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=$(realpath "${1:-target/spares.jar}")
shift || true
SIZES=${*:-500 1000 2000 4000 8000 16000}
REPEAT=${BENCH_REPEAT:-3}
DIR=${BENCH_DIR:-/tmp/spares-bench-h2}
CONFIG=$(realpath config.yml)
export SPARES_PORT=18180 SPARES_ADMIN_PORT=18181
[ -f "$JAR" ] || mvn -q -DskipTests package

MID=$(date -u -d '60 days ago' +%Y-%m-%d)
FROM=$(date -u -d '240 days ago' +%Y-%m-%d)
PATHS=("valuation?groupBy=part" "valuation?asOf=$MID&groupBy=part" "carrying-cost?from=$FROM&to=$MID&groupBy=part"
       "excess?asOf=$MID" "dead-stock?asOf=$MID")
echo "| rows per part | valuation now | valuation 60 days ago | carrying cost 240 to 60 days ago | excess 60 days ago | dead stock 60 days ago |"
echo "| ---: |$(printf ' ---: |%.0s' "${PATHS[@]}")"
for size in $SIZES; do
  rm -rf "$DIR"; mkdir -p "$DIR"
  export SPARES_DB_URL="jdbc:h2:file:$DIR/spares;MODE=MySQL;DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;LOCK_TIMEOUT=10000;AUTO_SERVER=TRUE"
  (cd "$DIR" && java -jar "$JAR" seed-bulk --rows $((size * 4)) --depots 2 --parts 4 --seed 1 "$CONFIG" > /dev/null 2>&1)
  TOKEN=$(cd "$DIR" && java -jar "$JAR" add-user --name bench --role FINANCE "$CONFIG" 2>/dev/null | tail -1)
  (cd "$DIR" && exec java -Xmx512m ${BENCH_JAVA_OPTS:-} -jar "$JAR" server "$CONFIG" > "$DIR/server.log" 2>&1) &
  SERVER=$!
  until curl -sf "localhost:$SPARES_ADMIN_PORT/healthcheck" > /dev/null; do sleep 1; done
  row="| $size |"
  for path in "${PATHS[@]}"; do
    url="localhost:$SPARES_PORT/api/v1/reports/$path"
    curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" "$url"   # warm-up
    times=()
    for _ in $(seq "$REPEAT"); do
      out=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "Authorization: Bearer $TOKEN" "$url")
      [ "${out% *}" = 200 ] && times+=("${out#* }") || times+=("500")
    done
    median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (REPEAT + 1) / 2 ))p")
    row="$row $median |"
  done
  echo "$row"
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
done

#!/usr/bin/env bash
# Pages benchmark on MariaDB/MySQL at the default demo's size: seeds the demo (5 depots, 200 parts, a year), adds a
# person per role with a password, starts the service, signs each in through /ui/login and times every page it
# uses, next to the API call that reads the same data (the baseline, in the same run).
# "Server time" is curl's time to first byte minus its time to connect (time_starttransfer - time_pretransfer), on
# loopback: the time the service took to answer, as a client on the same machine sees it.
# Usage: bench/pages/run.sh
# Env: BENCH_DB (schema, default spares_bench_pages, DROPPED and re-created), BENCH_DB_HOST (127.0.0.1:3306),
#      BENCH_DB_USER (root), BENCH_DB_PASSWORD (empty), BENCH_REPEAT (20), BENCH_SKIP_SEED=1 to reuse the schema,
#      BENCH_PORT (18090; the admin port is the next one), BENCH_JAR (target/spares.jar).
set -euo pipefail
cd "$(dirname "$0")/../.."
DB=${BENCH_DB:-spares_bench_pages}
HOST=${BENCH_DB_HOST:-127.0.0.1:3306}
REPEAT=${BENCH_REPEAT:-20}
export SPARES_DB_URL="jdbc:mysql://$HOST/$DB?createDatabaseIfNotExist=true"
export SPARES_DB_USER=${BENCH_DB_USER:-root}
export SPARES_DB_PASSWORD=${BENCH_DB_PASSWORD:-}
export SPARES_PORT=${BENCH_PORT:-18090}
export SPARES_ADMIN_PORT=$((SPARES_PORT + 1))
JAR=${BENCH_JAR:-target/spares.jar}
PASSWORD="bench-password-$$"
BASE="http://localhost:$SPARES_PORT"
WORK=$(mktemp -d)

[ -f "$JAR" ] || mvn -q -DskipTests package
if [ "${BENCH_SKIP_SEED:-0}" != 1 ]; then
  mysql -h"${HOST%:*}" -P"${HOST#*:}" -u"$SPARES_DB_USER" ${SPARES_DB_PASSWORD:+-p$SPARES_DB_PASSWORD} \
    -e "DROP DATABASE IF EXISTS \`$DB\`; CREATE DATABASE \`$DB\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
  start=$(date +%s)
  java -jar "$JAR" seed-demo config.yml | tail -2
  echo "seed-demo: $(( $(date +%s) - start )) s"
fi
user() { # name role [depots]
  echo "$PASSWORD" | java -jar "$JAR" add-user --name "$1-$$" --role "$2" ${3:+--depots "$3"} --password-stdin \
    config.yml 2>/dev/null | tail -1
}
ADMIN=$(user bench-admin ADMIN)

java -Xmx512m -jar "$JAR" server config.yml > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER; rm -rf "$WORK"' EXIT
until curl -sf "localhost:$SPARES_ADMIN_PORT/healthcheck" > /dev/null; do sleep 1; done

api() { curl -sf -H "Authorization: Bearer $ADMIN" "$BASE/api/v1/$1"; }
DEPOT=$(api "depots?limit=1" | jq -r '.items[0].code')
OTHER_TOKEN_MANAGER=$(user bench-manager MANAGER "$DEPOT")
user bench-tech TECHNICIAN "$DEPOT" > /dev/null
user bench-finance FINANCE > /dev/null
ORDER=$(api "repair-orders?depot=$DEPOT&limit=1" | jq -r '.items[0].id')
RUN=$(curl -sf -H "Authorization: Bearer $OTHER_TOKEN_MANAGER" -H 'Content-Type: application/json' \
  -H "Idempotency-Key: bench-$$" -d "{\"depots\": [\"$DEPOT\"]}" "$BASE/api/v1/optimizations" | jq -r .id)
until [ "$(api "optimizations/$RUN" | jq -r .status)" = SUCCEEDED ]; do sleep 1; done

sign_in() { # name -> cookie jar
  local jar="$WORK/$1.jar" token
  token=$(curl -s -c "$jar" "$BASE/ui/login" | grep -o 'name="csrf" value="[^"]*"' | sed 's/.*value="//;s/"$//')
  curl -s -o /dev/null -b "$jar" -c "$jar" --data-urlencode "name=$1-$$" --data-urlencode "password=$PASSWORD" \
    --data-urlencode "csrf=$token" "$BASE/ui/login"
  echo "$jar"
}
MANAGER_JAR=$(sign_in bench-manager)
TECH_JAR=$(sign_in bench-tech)
FINANCE_JAR=$(sign_in bench-finance)

# The reports page's month-by-month section covers the last twelve months, as the API baseline below.
MONTHS_FROM=$(date -u -d "$(date -u +%Y-%m-01) -11 months" +%Y-%m-%d)
time_page() { # label auth url ; auth is "cookie:JAR", "htmx:JAR" (a fragment, as htmx asks) or "bearer:TOKEN"
  local label=$1 auth=$2 url=$3 args=()
  case $auth in
    htmx:*) args=(-b "${auth#htmx:}" -H "HX-Request: true") ;;
    cookie:*) args=(-b "${auth#cookie:}") ;;
    bearer:*) args=(-H "Authorization: Bearer ${auth#bearer:}") ;;
  esac
  for _ in 1 2 3; do curl -s -o /dev/null "${args[@]}" "$BASE$url"; done   # warm-up
  local times=() status bytes
  for _ in $(seq "$REPEAT"); do
    times+=("$(curl -s -o "$WORK/body" -w '%{time_starttransfer} %{time_pretransfer}' "${args[@]}" "$BASE$url" |
      awk '{printf "%.1f", ($1 - $2) * 1000}')")
  done
  status=$(curl -s -o "$WORK/body" -w '%{http_code}' "${args[@]}" "$BASE$url")
  bytes=$(wc -c < "$WORK/body")
  local sorted median p95 worst
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  median=$(echo "$sorted" | sed -n "$(( (REPEAT + 1) / 2 ))p")
  p95=$(echo "$sorted" | sed -n "$(( (REPEAT * 95 + 99) / 100 ))p")
  worst=$(echo "$sorted" | tail -1)
  echo "| $label | \`$url\` | $status | $bytes | $median | $p95 | $worst |"
}

STATIC=$(( $(curl -s "$BASE/ui/static/spares.css" | wc -c) + $(curl -s "$BASE/ui/static/htmx/htmx.min.js" | wc -c) ))
echo "demo depot $DEPOT, repair order $ORDER, optimization run $RUN; $REPEAT timed requests each after 3 warm-ups"
echo "static files every page loads (spares.css + htmx.min.js, uncompressed): $STATIC bytes"
echo
echo "| page | address | status | HTML bytes | median ms | p95 ms | worst ms |"
echo "| --- | --- | ---: | ---: | ---: | ---: | ---: |"
while read -r label who url; do
  [ -z "$label" ] && continue
  case $who in
    manager) auth="cookie:$MANAGER_JAR" ;;
    tech) auth="cookie:$TECH_JAR" ;;
    finance) auth="cookie:$FINANCE_JAR" ;;
    finance-htmx) auth="htmx:$FINANCE_JAR" ;;
    api) auth="bearer:$ADMIN" ;;
  esac
  time_page "${label//_/ }" "$auth" "$(eval "echo \"$url\"")"
done < bench/pages/pages.txt

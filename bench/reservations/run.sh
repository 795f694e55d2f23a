#!/usr/bin/env bash
# Reservation benchmark, one command: builds the jar, makes a fresh MariaDB schema, starts the service on it,
# runs bench's load client (fixture through the API, warm-up, timed phases over HTTP and raw JDBC), prints the
# Markdown table, and stops the service it started. Loopback only; every phase is time-bounded.
#
# Environment (all optional): BENCH_DB_HOST (127.0.0.1), BENCH_DB_PORT (3306), BENCH_DB_USER (root),
# BENCH_DB_PASSWORD (empty), BENCH_SCHEMA (spares_bench_reservations, dropped and re-created), BENCH_PORT (18480, admin +1),
# BENCH_SECONDS per phase (12), BENCH_WARMUP seconds (60), BENCH_CLIENTS (8,32,64), BENCH_PARTS (500),
# BENCH_POOL_SIZE (service pool, default from config.yml), SERVICE_JAVA_OPTS, MVN_ARGS (e.g. -o).
set -euo pipefail
cd "$(dirname "$0")/../.."

db_host=${BENCH_DB_HOST:-127.0.0.1}
db_port=${BENCH_DB_PORT:-3306}
db_user=${BENCH_DB_USER:-root}
db_password=${BENCH_DB_PASSWORD:-}
schema=${BENCH_SCHEMA:-spares_bench_reservations}
port=${BENCH_PORT:-18480}
admin_port=$((port + 1))
out=target/bench-reservations
mkdir -p target

echo "== build" >&2
mvn -q ${MVN_ARGS:-} -DskipTests package
mvn -q ${MVN_ARGS:-} dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
mkdir -p "$out"

echo "== fresh schema $schema" >&2
MYSQL_PWD="$db_password" mysql --host="$db_host" --port="$db_port" --user="$db_user" -e \
  "DROP DATABASE IF EXISTS \`$schema\`; CREATE DATABASE \`$schema\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"

export SPARES_DB_URL="jdbc:mysql://$db_host:$db_port/$schema"
export SPARES_DB_USER="$db_user" SPARES_DB_PASSWORD="$db_password"
export SPARES_PORT="$port" SPARES_ADMIN_PORT="$admin_port"
# The load comes from one token and up to 64 clients at once: lift the per-user rate limit and the admission
# limit for the benchmark (both are production protections, measured in docs/RELIABILITY.md).
export SPARES_RATE_LIMIT_PER_SECOND=0 SPARES_MAX_CONCURRENT_REQUESTS=256
if [ -n "${BENCH_POOL_SIZE:-}" ]; then export SPARES_DB_POOL_SIZE="$BENCH_POOL_SIZE"; fi

if curl -s -o /dev/null "http://127.0.0.1:$port/" || curl -s -o /dev/null "http://127.0.0.1:$admin_port/"; then
  echo "port $port or $admin_port is in use; set BENCH_PORT" >&2
  exit 1
fi
echo "== service on :$port (log: $out/service.log)" >&2
# shellcheck disable=SC2086
java ${SERVICE_JAVA_OPTS:-} -jar target/spares.jar server config.yml >"$out/service.log" 2>&1 &
service_pid=$!
stop_service() {
  if kill -0 "$service_pid" 2>/dev/null; then
    kill "$service_pid"
    wait "$service_pid" 2>/dev/null || true
  fi
}
trap stop_service EXIT

for _ in $(seq 1 90); do
  curl -fs "http://127.0.0.1:$admin_port/healthcheck" >/dev/null 2>&1 && break
  kill -0 "$service_pid" 2>/dev/null || { echo "the service died; see $out/service.log" >&2; exit 1; }
  sleep 1
done
curl -fs "http://127.0.0.1:$admin_port/healthcheck" >/dev/null

admin_token=$(java -jar target/spares.jar add-user --name bench-admin --role ADMIN config.yml 2>/dev/null | tail -n 1)

db_pid=$(pidof mariadbd 2>/dev/null || pidof mysqld 2>/dev/null || echo 0)
echo "== load (load average before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null))" >&2
java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.spares.bench.ReservationBenchmark --port "$port" --token "$admin_token" \
  --jdbc "$SPARES_DB_URL" --dbUser "$db_user" --dbPassword "$db_password" \
  --seconds "${BENCH_SECONDS:-12}" --warmup "${BENCH_WARMUP:-60}" --clients "${BENCH_CLIENTS:-8,32,64}" \
  --parts "${BENCH_PARTS:-500}" --servicePid "$service_pid" --dbPid "${db_pid%% *}" | tee "$out/table.md"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)" | tee -a "$out/table.md"

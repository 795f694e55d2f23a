#!/usr/bin/env bash
# Reservations on one MariaDB and on the three-node Galera cluster of cluster.sh, in one run: one instance on the
# single MariaDB (the baseline), one instance on the cluster (node 1), three instances on the three nodes; each
# spread over many positions and on one hot position; then a node killed and restarted under load. Every
# configuration gets a fresh schema and fresh instances. Prints Markdown (also in target/bench-galera/result.md).
#
# Usage: bench/galera/run.sh
# Env: BENCH_CLIENTS (24), BENCH_SECONDS per phase (12), BENCH_WARMUP (20), BENCH_PARTS (200),
#      BENCH_LOSS_SECONDS (36), BENCH_PORT (18580; instances take it, +2, +4 and the next port for admin),
#      MVN_ARGS (e.g. -o). Starts the cluster when it is not running; stops what it started.
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${BENCH_PORT:-18580}
CLIENTS=${BENCH_CLIENTS:-24}
out=target/bench-galera
mkdir -p "$out"

echo "== build" >&2
mvn -q ${MVN_ARGS:-} -DskipTests package
mvn -q ${MVN_ARGS:-} dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test

started_cluster=0
if ! bash bench/galera/cluster.sh status | grep -c "state Synced" | grep -q 3; then
  bash bench/galera/cluster.sh stop > /dev/null
  bash bench/galera/cluster.sh start >&2
  started_cluster=1
fi
pids=()
stop_instances() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  pids=()
}
finish() {
  stop_instances
  if [ "$started_cluster" = 1 ]; then bash bench/galera/cluster.sh stop > /dev/null; fi
}
trap finish EXIT

fresh_schema() { # port
  mysql --no-defaults -h127.0.0.1 -P"$1" -uroot -e \
    "DROP DATABASE IF EXISTS spares_bench_galera; CREATE DATABASE spares_bench_galera CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
}
galera_url() { # preferred node
  local hosts="" i
  for i in 0 1 2; do hosts+="${hosts:+,}127.0.0.1:$((4306 + ($1 - 1 + i) % 3))"; done
  echo "jdbc:mysql://$hosts/spares_bench_galera"
}
instance() { # url port: starts the service, returns once healthy
  SPARES_DB_URL=$1 SPARES_DB_USER=root SPARES_DB_PASSWORD= SPARES_PORT=$2 SPARES_ADMIN_PORT=$(($2 + 1)) \
    SPARES_RATE_LIMIT_PER_SECOND=0 SPARES_MAX_CONCURRENT_REQUESTS=256 \
    java -Xmx768m -jar target/spares.jar server config.yml > "$out/instance-$2.log" 2>&1 &
  pids+=($!)
}
await_instances() { # ports...
  local port
  for port in "$@"; do
    for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$((port + 1))/healthcheck" > /dev/null && break; sleep 1; done
    curl -fs "http://127.0.0.1:$((port + 1))/healthcheck" > /dev/null || { echo "instance $port is not healthy" >&2; exit 1; }
  done
}
bench() { # url-of-first-instance args...
  local url=$1
  shift
  local token
  token=$(SPARES_DB_URL=$url SPARES_DB_USER=root SPARES_DB_PASSWORD= java -jar target/spares.jar add-user \
    --name "bench-admin-$RANDOM" --role ADMIN config.yml 2>/dev/null | tail -n 1)
  java -Xmx768m -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    org.spares.bench.GaleraBenchmark --token "$token" --clients "$CLIENTS" --seconds "${BENCH_SECONDS:-12}" \
    --warmup "${BENCH_WARMUP:-20}" --parts "${BENCH_PARTS:-200}" "$@"
}

{
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "| configuration | scenario | clients | reservations/s | p50 ms | p99 ms | 503s per 100 | service retries per 100 | errors |"
  echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
} | tee "$out/result.md"

fresh_schema 3306
instance "jdbc:mysql://127.0.0.1:3306/spares_bench_galera" "$PORT"
await_instances "$PORT"
bench "jdbc:mysql://127.0.0.1:3306/spares_bench_galera" --ports "$PORT" --label "1 instance, single MariaDB" \
  | tee -a "$out/result.md"
stop_instances

fresh_schema 4306
instance "$(galera_url 1)" "$PORT"
await_instances "$PORT"
bench "$(galera_url 1)" --ports "$PORT" --label "1 instance, Galera (node 1)" | tee -a "$out/result.md"
stop_instances

for loss in 0 1; do
  fresh_schema 4306
  for node in 1 2 3; do instance "$(galera_url "$node")" $((PORT + 2 * (node - 1))); done
  await_instances "$PORT" $((PORT + 2)) $((PORT + 4))
  if [ "$loss" = 0 ]; then
    bench "$(galera_url 1)" --ports "$PORT,$((PORT + 2)),$((PORT + 4))" --label "3 instances on 3 nodes" \
      | tee -a "$out/result.md"
  else
    echo | tee -a "$out/result.md"
    bench "$(galera_url 1)" --ports "$PORT,$((PORT + 2)),$((PORT + 4))" --seconds "${BENCH_LOSS_SECONDS:-36}" \
      --nodeLoss 2 | tee -a "$out/result.md"
  fi
  stop_instances
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/result.md"

#!/usr/bin/env bash
# A three-node MariaDB Galera cluster on this machine's loopback, from Debian's packages (installed when missing):
# nodes 1-3 on ports 4306, 4307, 4308 (GALERA_PORTS), group ports 4567/4577/4587, rsync SST, user root without a
# password as on the single MariaDB. For tests and benchmarks: every node on one host, data under GALERA_DIR
# (/tmp/spares-galera), deleted by `stop`. docs/OPERATIONS.md says what a real deployment changes.
#
#   cluster.sh start            bootstrap node 1, join 2 and 3; returns once all three are Synced
#   cluster.sh stop             shut every node down and delete the data
#   cluster.sh kill NODE        SIGKILL one node (1, 2 or 3), as a crash would
#   cluster.sh restart NODE     stop (if running) and start one node; returns once it has rejoined (Synced)
#   cluster.sh status           each node: pid, state, cluster size, ready
set -euo pipefail
DIR=${GALERA_DIR:-/tmp/spares-galera}
read -r -a PORTS <<< "${GALERA_PORTS:-4306 4307 4308}"
GROUP_PORTS=(4567 4577 4587)
SST_PORTS=(4444 4454 4464)
TIMEOUT=${GALERA_TIMEOUT:-120}
PROVIDER=/usr/lib/galera/libgalera_smm.so

die() { echo "cluster.sh: $*" >&2; exit 1; }
node_dir() { echo "$DIR/node$1"; }
sql() { # node statement
  mariadb --no-defaults -N -B --protocol=TCP -h127.0.0.1 -P"${PORTS[$1 - 1]}" -uroot -e "$2" 2>/dev/null
}
state() { sql "$1" "SHOW STATUS LIKE 'wsrep_local_state_comment'" | awk '{print $2}'; }
pid_of() { cat "$(node_dir "$1")/mariadbd.pid" 2>/dev/null || true; }
alive() { local pid; pid=$(pid_of "$1"); [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }
check_node() { [[ "${1:-}" =~ ^[123]$ ]] || die "NODE must be 1, 2 or 3, not '${1:-}'"; }

install_packages() {
  if [ ! -e "$PROVIDER" ] || ! command -v mariadbd > /dev/null || ! command -v rsync > /dev/null; then
    echo "installing galera-4, mariadb-server and rsync from Debian"
    apt-get update -qq && apt-get install -y -qq galera-4 mariadb-server rsync > /dev/null
  fi
}

configure() { # node
  local n=$1 d
  d=$(node_dir "$n")
  mkdir -p "$d/data"
  # The rsync daemon that receives a state transfer (wsrep_sst_rsync) runs its module as rsync's default user,
  # nobody: the data must be writable by it.
  # A throwaway cluster on loopback; a real one runs mariadbd as mysql and owns its directories.
  chmod 777 "$d" "$d/data"
  cat > "$d/my.cnf" <<CNF
[mysqld]
user=root
datadir=$d/data
port=${PORTS[$n - 1]}
bind-address=127.0.0.1
socket=$d/mariadbd.sock
pid-file=$d/mariadbd.pid
log-error=$d/error.log
binlog_format=ROW
default_storage_engine=InnoDB
innodb_autoinc_lock_mode=2
innodb_flush_log_at_trx_commit=1
innodb_buffer_pool_size=128M
wsrep_on=ON
wsrep_provider=$PROVIDER
wsrep_cluster_name=spares
wsrep_cluster_address=gcomm://127.0.0.1:${GROUP_PORTS[0]},127.0.0.1:${GROUP_PORTS[1]},127.0.0.1:${GROUP_PORTS[2]}
wsrep_provider_options="base_port=${GROUP_PORTS[$n - 1]};gcache.size=128M"
wsrep_node_address=127.0.0.1
wsrep_node_name=node$n
wsrep_sst_method=rsync
wsrep_sst_receive_address=127.0.0.1:${SST_PORTS[$n - 1]}
CNF
  chmod 644 "$d/my.cnf"   # mariadbd ignores a world-writable option file
  if [ ! -d "$d/data/mysql" ]; then
    mariadb-install-db --no-defaults --datadir="$d/data" --user=root --auth-root-authentication-method=normal \
      > "$d/install.log" 2>&1 || die "mariadb-install-db failed for node $n: see $d/install.log"
  fi
  open_data "$n"
}

# Every file of the data too, each time, and owned by rsync's user: a rejoining node receives its transfer into the
# files its last run (or the position recovery) created, root's with mode 700, and rsync must set their permissions.
open_data() { # node
  local d
  d=$(node_dir "$1")
  chown -R nobody:nogroup "$d/data"
  chmod -R a+rwX "$d/data"
}

launch() { # node [extra mariadbd options]
  local n=$1 d
  shift
  d=$(node_dir "$n")
  setsid mariadbd --defaults-file="$d/my.cnf" "$@" < /dev/null >> "$d/error.log" 2>&1 &
}

await_synced() { # node
  local n=$1 waited=0
  until [ "$(state "$n")" = Synced ]; do
    if [ "$waited" -ge "$TIMEOUT" ]; then
      return 1
    fi
    if [ "$waited" -gt 5 ] && ! alive "$n" && ! pgrep -f "$(node_dir "$n")/my.cnf" > /dev/null; then
      return 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
}

# The position a node's data has reached, as mariadbd --wsrep-recover reads it from InnoDB (empty for new data). After
# a crash grastate.dat no longer says it (seqno -1), and a node started without it asks for a full state transfer
# (SST): with rsync the donor is locked for the copy. Started at its recovered position it catches up with the
# writes it missed (IST) from the others' gcache. Debian's service scripts do the same (galera_recovery).
recovered_position() { # node
  local d log
  d=$(node_dir "$1")
  [ -d "$d/data/mysql" ] || return 0
  log=$(mktemp)
  mariadbd --defaults-file="$d/my.cnf" --wsrep-recover --log-error="$log" > /dev/null 2>&1 || true
  chmod 644 "$log" 2>/dev/null || true
  sed -n 's/.*WSREP: Recovered position: \([-0-9a-f]*:[-0-9]*\).*/\1/p' "$log" | tail -n 1
  rm -f "$log"
}

start_node() { # node [bootstrap]
  local n=$1 d position
  d=$(node_dir "$n")
  configure "$n"
  position=$(recovered_position "$n")
  open_data "$n"
  if [ "${2:-}" = bootstrap ]; then
    launch "$n" --wsrep-new-cluster
  elif [ -n "$position" ] && [ "${position##*:}" != -1 ]; then
    launch "$n" --wsrep-start-position="$position"
  else
    launch "$n"
  fi
  if ! await_synced "$n"; then
    # A joiner whose state transfer failed keeps a grastate.dat that stops the next try: clear it, try once more.
    stop_node "$n"
    rm -f "$d/data/grastate.dat"
    launch "$n"
    await_synced "$n" || die "node $n did not reach Synced in ${TIMEOUT}s: see $d/error.log"
  fi
  echo "node $n: port ${PORTS[$n - 1]}, Synced"
}

stop_node() { # node
  local n=$1 pid
  pid=$(pid_of "$n")
  if alive "$n"; then
    kill "$pid"
    for _ in $(seq 1 60); do alive "$n" || break; sleep 1; done
    alive "$n" && kill -9 "$pid" || true
  fi
  pkill -9 -f "$(node_dir "$n")/my.cnf" 2>/dev/null || true
}

case "${1:-}" in
  start)
    install_packages
    for n in 1 2 3; do alive "$n" && die "node $n is already running (cluster.sh stop first)"; done
    start=$(date +%s)
    start_node 1 bootstrap
    start_node 2
    start_node 3
    echo "cluster of $(sql 1 "SHOW STATUS LIKE 'wsrep_cluster_size'" | awk '{print $2}') nodes Synced in $(( $(date +%s) - start )) s"
    ;;
  stop)
    for n in 3 2 1; do stop_node "$n"; done
    rm -rf "$DIR"
    echo "cluster stopped, $DIR deleted"
    ;;
  kill)
    check_node "${2:-}"
    alive "$2" || die "node $2 is not running"
    kill -9 "$(pid_of "$2")"
    echo "node $2 killed (SIGKILL)"
    ;;
  restart)
    check_node "${2:-}"
    stop_node "$2"
    start=$(date +%s)
    start_node "$2"
    echo "node $2 rejoined in $(( $(date +%s) - start )) s"
    ;;
  status)
    for n in 1 2 3; do
      if alive "$n"; then
        ready=$(sql "$n" "SHOW STATUS LIKE 'wsrep_ready'" | awk '{print $2}')
        size=$(sql "$n" "SHOW STATUS LIKE 'wsrep_cluster_size'" | awk '{print $2}')
        echo "node $n: port ${PORTS[$n - 1]}, pid $(pid_of "$n"), state $(state "$n"), cluster size $size, ready $ready"
      else
        echo "node $n: port ${PORTS[$n - 1]}, not running"
      fi
    done
    ;;
  *)
    echo "usage: cluster.sh start|stop|kill NODE|restart NODE|status" >&2
    exit 2
    ;;
esac

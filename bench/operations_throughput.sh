#!/usr/bin/env bash
# Operations engine throughput: how fast the runners work off a burst of platform.selftest
# operations (one step each: one mark row, then finish, outbox event and a notification).
#   bench/operations_throughput.sh      (needs build/apps/gpuaas-server; builds the load client)
# For each backend and each operation_workers value, on a fresh database: start the server(s),
# create COUNT operations as fast as the load client can (CONNECTIONS keep-alive POSTs, spread
# over the replicas), poll until all succeeded and all notifications are in the inbox, then
# compute the rates from the operations' created_at / finished_at (bench/operations_stats.py).
# Environment: COUNT (5000), CONNECTIONS (16), WORKERS ("2 4 8": operation_workers per replica),
#              BACKENDS ("sqlite postgres"; postgres is skipped without a local PostgreSQL),
#              PG_REPLICAS (2: servers sharing the one PostgreSQL database, each on its own port),
#              SERVER_THREADS (io threads, 2), SQLITE_DIR (where the SQLite file lives, /tmp;
#              /dev/shm takes the disk's fsync out of the picture), SERVER (the binary,
#              build/apps/gpuaas-server).
set -euo pipefail
cd "$(dirname "$0")/.."
count=${COUNT:-5000}
connections=${CONNECTIONS:-16}
workers_list=${WORKERS:-2 4 8}
backends=${BACKENDS:-sqlite postgres}
pg_replicas=${PG_REPLICAS:-2}
server_threads=${SERVER_THREADS:-2}
sqlite_dir=${SQLITE_DIR:-/tmp}
server=${SERVER:-build/apps/gpuaas-server}
work=$(mktemp -d /tmp/gpuaas-bench-XXXXXX)
password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
pids=()
pg_dir=

stop_servers() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  pids=()
}
cleanup() {
  stop_servers
  [[ -n "$pg_dir" ]] && scripts/postgres.sh stop "$pg_dir"
  rm -rf "$work" "$sqlite_dir"/gpuaas-ops-bench-$$-*
}
trap cleanup EXIT

[[ -x build/bench/gpuaas_operations_load ]] || cmake --build build --target gpuaas_operations_load >/dev/null

# start_server NAME PORT DATABASE WORKERS: in the background, returns once /readyz answers.
start_server() {
  GPUAAS_ADMIN_EMAIL=bench@gpuaas.test GPUAAS_ADMIN_PASSWORD="$password" GPUAAS_PASSWORD_HASH_COST=minimum \
    "$server" serve --listen "127.0.0.1:$2" --database "$3" --web-root "$work/none" \
    --io-threads "$server_threads" --log-level warn --operation-workers "$4" \
    --rate-limit-ip-per-second 10000000 --rate-limit-principal-per-second 10000000 \
    --rate-limit-sign-in-per-minute 1000000 >"$work/$1.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 300); do curl -fsS "http://127.0.0.1:$2/readyz" >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "server $1 did not become ready:" >&2
  cat "$work/$1.log" >&2
  return 1
}

# sign_in BASE: prints a bearer token of the platform admin.
sign_in() {
  local login csrf
  login=$(curl -fsS -c "$work/jar" -H 'Content-Type: application/json' \
    -d "{\"email\":\"bench@gpuaas.test\",\"password\":\"$password\"}" "$1/api/v1/auth/login")
  csrf=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])' <<<"$login")
  curl -fsS -b "$work/jar" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
    -d '{"name":"bench"}' "$1/api/v1/users/me/tokens" | python3 -c 'import json,sys; print(json.load(sys.stdin)["secret"])'
}

# run_case BACKEND WORKERS DATABASE REPLICAS
run_case() {
  local backend=$1 workers=$2 database=$3 replicas=$4 ports=() targets=() i token load stats loadavg
  loadavg=$(cut -d' ' -f1 /proc/loadavg)  # other work on the machine shows up here
  for i in $(seq 1 "$replicas"); do
    ports+=("$(free_port)")
    # One at a time: the first one migrates the empty database and creates the admin.
    start_server "$backend-w$workers-r$i" "${ports[-1]}" "$database" "$workers"
    targets+=(--target "127.0.0.1:${ports[-1]}")
  done
  token=$(sign_in "http://127.0.0.1:${ports[0]}")
  load=$(build/bench/gpuaas_operations_load "${targets[@]}" --token "$token" --count "$count" \
    --connections "$connections") || echo "load client: not every request was accepted: $load" >&2
  stats=$(python3 bench/operations_stats.py --base "http://127.0.0.1:${ports[0]}" --token "$token" \
    --expect "$count") || echo "not every operation succeeded and notified: $stats" >&2
  python3 - "$backend" "$workers" "$replicas" "$load" "$stats" "$loadavg" <<'PY'
import json, sys
backend, workers, replicas, load, stats, loadavg = (sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4]),
                                                    json.loads(sys.argv[5]), sys.argv[6])
q = stats["queue_to_finish_ms"]
print(f"{backend:8} workers {workers} x {replicas} replica(s): {stats['operations']} ops {stats['states']}; "
      f"POST {load['requests_per_second']:.0f}/s; created {stats['create_per_second']}/s; "
      f"end to end {stats['ops_per_second']} ops/s over {stats['window_s']} s; "
      f"drain {stats['drain_per_second']} ops/s ({stats['drained_after_creation']} left at end of creation); "
      f"best second {stats['best_second']}; queued->finished p50 {q['p50']} ms p99 {q['p99']} ms; "
      f"notifications complete {stats['notifications_lag_ms']} ms after the last finish; load average before {loadavg}")
print("  json " + json.dumps({"backend": backend, "workers": int(workers), "replicas": int(replicas),
                             "load_average": float(loadavg), "load": load, "stats": stats}))
PY
  if [[ $backend == postgres ]]; then
    # Which replica claimed how many, and lease take-overs (there should be none).
    psql -At "$database" -c "SELECT 'claimed by ' || replica || ': ' || count(*) FROM (SELECT
      split_part(split_part(message, ' ', 3), '/', 1) AS replica FROM operation_events WHERE type = 'claimed') c
      GROUP BY replica ORDER BY replica" | sed 's/^/  /'
    psql -At "$database" -c "SELECT 'taken over: ' || count(*) FROM operation_events WHERE type = 'taken_over'" | sed 's/^/  /'
  fi
  stop_servers
  # Warnings or errors the servers logged (lease lost, claim failed, ...).
  for i in $(seq 1 "$replicas"); do
    if grep -q . "$work/$backend-w$workers-r$i.log"; then
      echo "  replica $i logged: $(grep -o '"event":"[a-z_]*"' "$work/$backend-w$workers-r$i.log" \
        | sort | uniq -c | sort -rn | head -5 | tr '\n' ';')"
    fi
  done
}

echo "COUNT=$count CONNECTIONS=$connections SERVER_THREADS=$server_threads on $(nproc) cores"
for backend in $backends; do
  case $backend in
    sqlite)
      for workers in $workers_list; do
        run_case sqlite "$workers" "sqlite:$sqlite_dir/gpuaas-ops-bench-$$-w$workers.db" 1
      done
      ;;
    postgres)
      if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
        echo "postgres: no local PostgreSQL (/usr/lib/postgresql/*/bin), skipped"
        continue
      fi
      eval "$(scripts/postgres.sh start)"
      pg_dir=$GPUAAS_PG_DIR
      for workers in $workers_list; do
        psql -q "$GPUAAS_TEST_POSTGRES_URL" -c "CREATE DATABASE bench_w$workers"
        run_case postgres "$workers" "${GPUAAS_TEST_POSTGRES_URL%/*}/bench_w$workers" "$pg_replicas"
      done
      ;;
    *) echo "unknown backend $backend" >&2; exit 2 ;;
  esac
done

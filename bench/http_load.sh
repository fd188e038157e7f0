#!/usr/bin/env bash
# HTTP load benchmark: gpuaas-server against nginx serving a static response, on the same
# machine in the same run, with the same client (wrk, keep-alive).
#   bench/http_load.sh            (make bench installs wrk and nginx and builds first)
# Environment: DURATION (s, default 10), CONNECTIONS (64), THREADS (wrk threads, 1),
#              SERVER_THREADS (gpuaas io threads and nginx workers, 2).
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${DURATION:-10}
connections=${CONNECTIONS:-64}
threads=${THREADS:-1}
server_threads=${SERVER_THREADS:-2}
work=$(mktemp -d /tmp/gpuaas-bench-XXXXXX)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
gpuaas_port=$(free_port)
nginx_port=$(free_port)

cleanup() {
  [[ -n "${gpuaas_pid:-}" ]] && kill "$gpuaas_pid" 2>/dev/null || true
  [[ -f "$work/nginx.pid" ]] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# The server as an operator runs it, with the access log off (log level warn): one JSON line
# per request to stdout would measure the terminal, not the server.
build/apps/gpuaas-server serve --listen "127.0.0.1:$gpuaas_port" --database "sqlite:$work/gpuaas.db" \
  --web-root "$work/none" --io-threads "$server_threads" --log-level warn >"$work/gpuaas.log" 2>&1 &
gpuaas_pid=$!

cat >"$work/nginx.conf" <<NGINX
worker_processes $server_threads;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work; proxy_temp_path $work; fastcgi_temp_path $work; uwsgi_temp_path $work; scgi_temp_path $work;
  server {
    listen 127.0.0.1:$nginx_port;
    location = /healthz { default_type application/json; return 200 '{"status":"ok"}'; }
  }
}
NGINX
nginx -c "$work/nginx.conf"

for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$gpuaas_port/readyz" >/dev/null 2>&1 && break; sleep 0.1; done
curl -fsS "http://127.0.0.1:$nginx_port/healthz" >/dev/null

# Runs wrk; prints "req_per_s p99_ms".
measure() {
  wrk -t"$threads" -c"$connections" -d2s "$1" >/dev/null  # warm-up
  local out
  out=$(wrk -t"$threads" -c"$connections" -d"${duration}s" --latency "$1")
  local rps p99
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v=v*1000}; print v}' <<<"$out")
  echo "$rps $p99"
}

read -r nginx_rps nginx_p99 < <(measure "http://127.0.0.1:$nginx_port/healthz")
read -r health_rps health_p99 < <(measure "http://127.0.0.1:$gpuaas_port/healthz")
read -r version_rps version_p99 < <(measure "http://127.0.0.1:$gpuaas_port/api/v1/version")
read -r ready_rps ready_p99 < <(measure "http://127.0.0.1:$gpuaas_port/readyz")

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo
echo "machine: $(nproc) cores, $(awk '/model name/ {sub(/.*: /,""); print; exit}' /proc/cpuinfo), $(free -g | awk '/Mem:/ {print $2}') GiB"
echo "client: wrk -t$threads -c$connections -d${duration}s, keep-alive; servers: $server_threads threads/workers each"
echo
echo "| target | req/s | p99 ms | req/s vs nginx |"
echo "|---|---:|---:|---:|"
echo "| nginx static /healthz (reference) | $nginx_rps | $nginx_p99 | 1.00 |"
echo "| gpuaas GET /healthz (inline) | $health_rps | $health_p99 | $(ratio "$health_rps" "$nginx_rps") |"
echo "| gpuaas GET /api/v1/version (inline, JSON) | $version_rps | $version_p99 | $(ratio "$version_rps" "$nginx_rps") |"
echo "| gpuaas GET /readyz (worker pool + SQLite reads) | $ready_rps | $ready_p99 | $(ratio "$ready_rps" "$nginx_rps") |"

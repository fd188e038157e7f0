#!/usr/bin/env bash
# Notification fan-out: CONNECTIONS WebSockets on /ws/notifications, all signed in as the same
# user, then ROUNDS events (one platform.selftest operation each); measures the time from the
# POST until each connection has the notification (build/bench/gpuaas_notification_fanout).
#   bench/notification_fanout.sh      (needs build/apps/gpuaas-server; builds the client)
# Environment: CONNECTIONS (10000), ROUNDS (3), BURST (operations per round, 1),
#              SERVER_THREADS (gpuaas io threads, 2),
#              OPENERS (handshakes in flight at once, 256), DATABASE (default: SQLite in a temp dir),
#              SERVER (the binary, build/apps/gpuaas-server).
# Client and server each hold one descriptor per connection: the soft limit is raised to the
# hard one (65536 at most) for both.
set -euo pipefail
cd "$(dirname "$0")/.."
connections=${CONNECTIONS:-10000}
rounds=${ROUNDS:-3}
burst=${BURST:-1}
server_threads=${SERVER_THREADS:-2}
openers=${OPENERS:-256}
server=${SERVER:-build/apps/gpuaas-server}
work=$(mktemp -d /tmp/gpuaas-bench-XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
database=${DATABASE:-sqlite:$work/gpuaas.db}
password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
cleanup() {
  [[ -n "${server_pid:-}" ]] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

hard=$(ulimit -Hn)
[[ $hard == unlimited || $hard -gt 65536 ]] && hard=65536
ulimit -n "$hard"
if (( hard < connections + 200 )); then
  echo "warning: the descriptor limit ($hard) is below CONNECTIONS + 200; expect failed connections" >&2
fi
[[ -x build/bench/gpuaas_notification_fanout ]] || cmake --build build --target gpuaas_notification_fanout >/dev/null

# Rate limits are raised: every connection comes from 127.0.0.1 and is the same user.
GPUAAS_ADMIN_EMAIL=bench@gpuaas.test GPUAAS_ADMIN_PASSWORD="$password" GPUAAS_PASSWORD_HASH_COST=minimum \
  "$server" serve --listen "127.0.0.1:$port" --database "$database" --web-root "$work/none" \
  --io-threads "$server_threads" --log-level warn --rate-limit-ip-per-second 10000000 \
  --rate-limit-principal-per-second 10000000 --rate-limit-sign-in-per-minute 1000000 >"$work/server.log" 2>&1 &
server_pid=$!
base="http://127.0.0.1:$port"
for _ in $(seq 1 100); do curl -fsS "$base/readyz" >/dev/null 2>&1 && break; sleep 0.1; done

login=$(curl -fsS -c "$work/jar" -H 'Content-Type: application/json' \
  -d "{\"email\":\"bench@gpuaas.test\",\"password\":\"$password\"}" "$base/api/v1/auth/login")
csrf=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])' <<<"$login")
token=$(curl -fsS -b "$work/jar" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
  -d '{"name":"bench"}' "$base/api/v1/users/me/tokens" | python3 -c 'import json,sys; print(json.load(sys.stdin)["secret"])')

rss() { awk -v key="$1:" '$1 == key {printf "%.0f MiB", $2 / 1024}' "/proc/$server_pid/status"; }
echo "connections $connections, rounds $rounds, burst $burst, server io threads $server_threads, fd limit $hard, $(nproc) cores," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "server RSS before: $(rss VmRSS)"
status=0
build/bench/gpuaas_notification_fanout --target "127.0.0.1:$port" --token "$token" --connections "$connections" \
  --rounds "$rounds" --burst "$burst" --openers "$openers" || status=$?
echo "server RSS after: $(rss VmRSS), peak $(rss VmHWM)"
# What the server logged at warn and above, by event.
grep -o '"event":"[a-z_]*"' "$work/server.log" | sort | uniq -c | sed 's/^/server logged: /' || true
exit "$status"

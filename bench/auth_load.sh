#!/usr/bin/env bash
# Authenticated API load: GET /api/v1/users/me with a bearer token under wrk, then how long a
# revoked token keeps working (it must be refused within one second).
#   bench/auth_load.sh      (make bench installs wrk and builds first)
# Environment: DURATION (s, default 10), CONNECTIONS (64), THREADS (wrk threads, 1),
#              SERVER_THREADS (gpuaas io threads, 2), DATABASE (default: SQLite in a temp dir).
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${DURATION:-10}
connections=${CONNECTIONS:-64}
threads=${THREADS:-1}
server_threads=${SERVER_THREADS:-2}
work=$(mktemp -d /tmp/gpuaas-bench-XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
database=${DATABASE:-sqlite:$work/gpuaas.db}
password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
cleanup() {
  [[ -n "${server_pid:-}" ]] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# Rate limits are raised so the benchmark measures the server, not the limiter's refusals.
GPUAAS_ADMIN_EMAIL=bench@gpuaas.test GPUAAS_ADMIN_PASSWORD="$password" \
  build/apps/gpuaas-server serve --listen "127.0.0.1:$port" --database "$database" --web-root "$work/none" \
  --io-threads "$server_threads" --log-level warn --rate-limit-ip-per-second 10000000 \
  --rate-limit-principal-per-second 10000000 >"$work/server.log" 2>&1 &
server_pid=$!
base="http://127.0.0.1:$port"
for _ in $(seq 1 100); do curl -fsS "$base/readyz" >/dev/null 2>&1 && break; sleep 0.1; done

login=$(curl -fsS -c "$work/jar" -H 'Content-Type: application/json' \
  -d "{\"email\":\"bench@gpuaas.test\",\"password\":\"$password\"}" "$base/api/v1/auth/login")
csrf=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])' <<<"$login")
created=$(curl -fsS -b "$work/jar" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
  -d '{"name":"bench"}' "$base/api/v1/users/me/tokens")
token=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["secret"])' <<<"$created")
token_id=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["token"]["id"])' <<<"$created")

wrk -t"$threads" -c"$connections" -d2s -H "Authorization: Bearer $token" "$base/api/v1/users/me" >/dev/null
out=$(wrk -t"$threads" -c"$connections" -d"${duration}s" --latency -H "Authorization: Bearer $token" \
  "$base/api/v1/users/me")
rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$out")
p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
echo "GET /api/v1/users/me (bearer): ${rps} req/s, p99 ${p99}, non-2xx ${non2xx:-0}"

# Revocation: revoke, then poll with the token until it is refused.
curl -fsS -o /dev/null -b "$work/jar" -H "X-CSRF-Token: $csrf" -X DELETE "$base/api/v1/users/me/tokens/$token_id"
revoked_at=$(date +%s%N)
while [[ $(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$base/api/v1/users/me") == 200 ]]; do
  :
done
refused_at=$(date +%s%N)
echo "revoked token refused after $(( (refused_at - revoked_at) / 1000000 )) ms"

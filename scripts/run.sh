#!/usr/bin/env bash
# `make run`: the platform on the embedded default. SQLite under ./var, console and API on
# http://localhost:8080, and a local agent enrolled into site "local" (simulated GPUs when the
# machine has no NVIDIA driver). Ctrl-C stops both gracefully. Override anything with GPUAAS_*.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p var
export GPUAAS_LISTEN=${GPUAAS_LISTEN:-127.0.0.1:8080}
export GPUAAS_DATABASE=${GPUAAS_DATABASE:-sqlite:./var/gpuaas.db}
export GPUAAS_WEB_ROOT=${GPUAAS_WEB_ROOT:-./web/dist}
export GPUAAS_SECRETS_KEY_FILE=${GPUAAS_SECRETS_KEY_FILE:-./var/secrets.key}
agent_dir=var/agent
server_url="http://${GPUAAS_LISTEN}"

# The token is made before the server starts: the embedded store takes one process at a time.
token=""
if [[ ! -f "$agent_dir/state.json" ]]; then
  token=$(./build/apps/gpuaas-server fleet token --site local --server-url "$server_url")
fi

server_pid=""
agent_pid=""
stop() {
  [[ -n "$agent_pid" ]] && kill -TERM "$agent_pid" 2>/dev/null || true
  [[ -n "$server_pid" ]] && kill -TERM "$server_pid" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

echo "GPUaaS: console and API on http://${GPUAAS_LISTEN/127.0.0.1/localhost} (database ${GPUAAS_DATABASE}); Ctrl-C to stop"
./build/apps/gpuaas-server serve &
server_pid=$!
for _ in $(seq 1 100); do curl -fsS "$server_url/readyz" >/dev/null 2>&1 && break; sleep 0.1; done

if [[ -n "$token" ]]; then
  simulate=()
  command -v nvidia-smi >/dev/null 2>&1 || simulate=(--simulate-gpus 8xH100)
  ./build/apps/gpuaas-agent enroll --token "$token" --data-dir "$agent_dir" "${simulate[@]}"
fi
./build/apps/gpuaas-agent run --data-dir "$agent_dir" 2>>var/agent.log &
agent_pid=$!
echo "GPUaaS: local agent running (log var/agent.log); see Platform > Lifecycle"
wait "$server_pid"

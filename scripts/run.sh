#!/usr/bin/env bash
# `make run`: the platform on the embedded default. SQLite under ./var, console and API on
# http://localhost:8080. Ctrl-C stops it gracefully. Override anything with GPUAAS_* variables.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p var
export GPUAAS_LISTEN=${GPUAAS_LISTEN:-127.0.0.1:8080}
export GPUAAS_DATABASE=${GPUAAS_DATABASE:-sqlite:./var/gpuaas.db}
export GPUAAS_WEB_ROOT=${GPUAAS_WEB_ROOT:-./web/dist}
echo "GPUaaS: console and API on http://${GPUAAS_LISTEN/127.0.0.1/localhost} (database ${GPUAAS_DATABASE}); Ctrl-C to stop"
exec ./build/apps/gpuaas-server serve

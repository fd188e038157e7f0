#!/usr/bin/env bash
# `make test`: sets up, builds and runs every test.
#   1. C++ unit + integration tests (ctest) on SQLite and on a real PostgreSQL
#   2. the console's Vitest suite
#   3. Playwright (Debian's Chromium) against the real server
#   4. the unit + integration tests again in an ASan+UBSan build
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
scripts/setup.sh

failures=0
passes=0
step() { echo; echo "=== $*"; }
record() { if "$@"; then passes=$((passes + 1)); else failures=$((failures + 1)); echo "FAILED: $*"; fi; }

cleanup() {
  [[ -n "${server_pid:-}" ]] && kill "$server_pid" 2>/dev/null || true
  [[ -n "${GPUAAS_PG_DIR:-}" ]] && scripts/postgres.sh stop "$GPUAAS_PG_DIR"
  [[ -n "${e2e_dir:-}" ]] && rm -rf "$e2e_dir"
}
trap cleanup EXIT

step "build"
scripts/build.sh
scripts/build_console.sh

step "PostgreSQL for the store suites"
eval "$(scripts/postgres.sh start)"
echo "started on ${GPUAAS_TEST_POSTGRES_URL}"

step "C++ tests (unit, integration, pg)"
record ctest --test-dir build --output-on-failure -j2 --timeout 300

step "console first-load budget (250 KB of JavaScript gzipped)"
record node web/scripts/bundle-size.mjs

step "console unit tests (Vitest)"
record bash -c "cd web && npm test --silent"

step "console end-to-end (Playwright + Chromium against the real server)"
e2e_dir=$(mktemp -d /tmp/gpuaas-e2e-XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 18080)
e2e_password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
GPUAAS_ADMIN_EMAIL=e2e-admin@gpuaas.test GPUAAS_ADMIN_PASSWORD="$e2e_password" \
  build/apps/gpuaas-server serve --listen "127.0.0.1:$port" --database "sqlite:$e2e_dir/gpuaas.db" \
  --web-root "$root/web/dist" --log-file "$e2e_dir/server.log" --secrets-key-file "$e2e_dir/secrets.key" >/dev/null &
server_pid=$!
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break; sleep 0.1; done
record env GPUAAS_URL="http://127.0.0.1:$port" GPUAAS_E2E_EMAIL=e2e-admin@gpuaas.test \
  GPUAAS_E2E_PASSWORD="$e2e_password" bash -c "cd web && npm run --silent e2e"
kill -TERM "$server_pid"; wait "$server_pid" || true; server_pid=""

step "ASan + UBSan build of the C++ tests"
BUILD_DIR=build-asan scripts/build.sh -DGPUAAS_SANITIZE=ON -DGPUAAS_BUILD_BENCH=OFF
record env ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j2 --timeout 600

echo
echo "suites: ${passes} passed, ${failures} failed"
[[ $failures -eq 0 ]]

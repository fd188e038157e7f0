#!/usr/bin/env bash
# Configures and builds the C++ tree. BUILD_DIR (default build) and extra CMake arguments.
#   scripts/build.sh                      optimised build with debug info, in build/
#   BUILD_DIR=build-asan scripts/build.sh -DGPUAAS_SANITIZE=ON
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${BUILD_DIR:-build}
export CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-3G}
if [[ ! -f "$build_dir/build.ninja" ]]; then
  cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
fi
# Two jobs on two cores; Beast translation units need about 1 GiB each.
cmake --build "$build_dir" -- -j"${JOBS:-$(nproc)}"

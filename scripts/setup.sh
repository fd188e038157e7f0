#!/usr/bin/env bash
# Installs everything GPUaaS needs to build, run and test on Debian 12, from Debian's
# packages and the npm registry. Idempotent and quick when everything is present.
#   scripts/setup.sh          build + run + test dependencies
#   scripts/setup.sh --bench  also the benchmark tools (wrk, nginx)
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  g++ cmake ninja-build ccache pkg-config git curl
  libboost1.81-all-dev libboost-json1.81-dev libboost-url1.81-dev
  libssl-dev libsodium-dev libsqlite3-dev sqlite3 libpq-dev postgresql
  libspdlog-dev libfmt-dev libcli11-dev libyaml-cpp-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  chromium
)
[[ "${1:-}" == "--bench" ]] && packages+=(wrk nginx-light)
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo=""
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || { echo "setup: need root or sudo to install ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Vite 7 needs Node.js 20.19 or newer.
node_version=$(node -e 'console.log(process.versions.node)')
if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)'; then
  echo "setup: Node.js $node_version is too old for the console build (Vite 7 needs >= 20.19)" >&2
  exit 1
fi

# Console dependencies, reinstalled only when the lock file changed.
if [[ ! -f web/node_modules/.package-lock.json || web/package-lock.json -nt web/node_modules/.package-lock.json ]]; then
  echo "setup: installing console dependencies (npm ci)"
  (cd web && npm ci --no-audit --no-fund --loglevel=error)
fi

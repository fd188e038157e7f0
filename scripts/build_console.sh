#!/usr/bin/env bash
# Builds the console into web/dist unless it is newer than every source file.
set -euo pipefail
cd "$(dirname "$0")/../web"
if [[ -f dist/index.html ]] && [[ -z $(find src index.html package.json vite.config.ts ../api/openapi.json -newer dist/index.html -print -quit) ]]; then
  exit 0
fi
npm run build --silent

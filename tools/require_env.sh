#!/bin/sh
# require_env.sh VAR COMMAND...: runs COMMAND only when VAR is set, and fails loudly otherwise,
# so a PostgreSQL suite can never pass by silently running on SQLite.
var="$1"; shift
eval "value=\${$var:-}"
if [ -z "$value" ]; then
  echo "$var is not set: run this suite through scripts/test.sh, which starts PostgreSQL" >&2
  exit 1
fi
exec "$@"

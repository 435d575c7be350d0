#!/usr/bin/env bash
# Installs everything, starts the local object store and Slipway on http://127.0.0.1:${PORT:-3000}
# with the embedded database under $SLIPWAY_DATA_DIR (default .data). Ctrl-C (or SIGTERM) stops
# the app and the object store this script started.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export NEXT_TELEMETRY_DISABLED=1

bash scripts/install.sh

# S3_ENDPOINT set means "use that S3": the local object store is neither started nor stopped.
local_store=false
if [[ -z ${S3_ENDPOINT:-} ]]; then
  bash scripts/object-store.sh start
  local_store=true
  export S3_ENDPOINT=http://127.0.0.1:${S3_PORT:-7480}
fi

app=""
cleanup() {
  if [[ -n $app ]]; then kill -TERM "$app" 2>/dev/null && wait "$app" 2>/dev/null || true; fi
  if $local_store; then bash scripts/object-store.sh stop; fi
}
trap cleanup EXIT
trap 'exit 0' INT TERM # a requested stop is a clean exit; cleanup runs on EXIT

# Rebuild only when sources changed since the last build.
if [[ ! -f .next/BUILD_ID ]] || [[ -n $(find app components lib next.config.ts package-lock.json -newer .next/BUILD_ID -not -path 'lib/generated/*' -print -quit) ]]; then
  npx next build
fi

bash scripts/serve.sh &
app=$!
wait "$app"

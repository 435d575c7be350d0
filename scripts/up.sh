#!/usr/bin/env bash
# Installs everything, starts the local object store, clamd and Slipway on
# http://127.0.0.1:${PORT:-3000} with the embedded database under $SLIPWAY_DATA_DIR (default .data).
# Ctrl-C (or SIGTERM) stops the app, and the object store and clamd this script started.
#   scripts/up.sh          a production build, built when the sources changed (`npm start`)
#   scripts/up.sh --dev    `next dev` with hot reload instead, no build (`npm run dev`)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/use-node.sh
export NEXT_TELEMETRY_DISABLED=1
export PORT=${PORT:-3000}

# Checked first: the server would only fail after the install, the object store and the build.
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  echo "up: something already listens on 127.0.0.1:$PORT (another Slipway?); stop it or set PORT to a free port" >&2
  exit 1
fi

bash scripts/install.sh

# Set before anything starts, so an interrupted start is cleaned up too.
app=""
local_store=false
local_clamd=false
cleanup() {
  if [[ -n $app ]]; then kill -TERM "$app" 2>/dev/null && wait "$app" 2>/dev/null || true; fi
  if $local_clamd; then bash scripts/clamd.sh stop || true; fi
  if $local_store; then bash scripts/object-store.sh stop; fi
}
trap cleanup EXIT
trap 'exit 0' INT TERM # a requested stop is a clean exit; cleanup runs on EXIT

# S3_ENDPOINT set means "use that S3": the local object store is neither started nor stopped.
if [[ -z ${S3_ENDPOINT:-} ]]; then
  local_store=true
  bash scripts/object-store.sh start
  export S3_ENDPOINT=http://127.0.0.1:${S3_PORT:-7480}
fi

# CLAMD_HOST set means "scan with that clamd": the local one is neither started nor stopped.
if [[ -z ${CLAMD_HOST:-} ]]; then
  local_clamd=true
  bash scripts/clamd.sh start
  SCAN_MAX_BYTES=$(bash scripts/clamd.sh limit)
  export CLAMD_HOST=127.0.0.1 CLAMD_PORT=${CLAMD_PORT:-3310} SCAN_MAX_BYTES
fi

if [[ ${1:-} == --dev ]]; then
  node scripts/build-workers.mjs # the MD5 worker is bundled outside Next, in dev too
# Rebuild when anything the build reads changed since the last build (a new Prisma client too).
elif [[ ! -f .next/BUILD_ID ]] || [[ -n $(find app components lib prisma next.config.ts tsconfig.json package.json package-lock.json -newer .next/BUILD_ID -print -quit) ]]; then
  npm run build
fi

bash scripts/serve.sh "$@" &
app=$!
wait "$app"

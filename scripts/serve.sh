#!/usr/bin/env bash
# Serves a built Slipway (`next build` first): applies migrations, makes sure an admin exists
# (printing a generated password once), sets up the bucket, then runs server.ts on $PORT: Next.js
# behind the step that decides the client address (TRUST_PROXY; `next dev` inside with --dev).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/use-node.sh
export NEXT_TELEMETRY_DISABLED=1
PORT=${PORT:-3000}
export APP_URL=${APP_URL:-http://127.0.0.1:$PORT}

node scripts/prisma.mjs migrate deploy
node scripts/prisma.mjs migrate status >/dev/null
bash scripts/tsx-server.sh scripts/bootstrap-admin.ts
bash scripts/tsx-server.sh scripts/bootstrap-bucket.ts
if [[ ${1:-} == --dev ]]; then
  NODE_ENV=${NODE_ENV:-development} exec node server.ts --dev --hostname 127.0.0.1 --port "$PORT"
fi
NODE_ENV=${NODE_ENV:-production} exec node server.ts --hostname 127.0.0.1 --port "$PORT"

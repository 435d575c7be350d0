#!/usr/bin/env bash
# Serves a built Slipway (`next build` first): applies migrations, makes sure an admin exists
# (printing new credentials once), sets up the bucket, then runs `next start` on $PORT
# (`next dev` with --dev).
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
mode=start
[[ ${1:-} == --dev ]] && mode=dev
exec node node_modules/next/dist/bin/next "$mode" --hostname 127.0.0.1 --port "$PORT"

#!/usr/bin/env bash
# Serves a built Slipway (`next build` first): applies migrations, makes sure an admin exists
# (printing new credentials once), sets up the bucket, then runs `next start` on $PORT.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/use-node.sh
export NEXT_TELEMETRY_DISABLED=1
PORT=${PORT:-3000}
export APP_URL=${APP_URL:-http://127.0.0.1:$PORT}

node scripts/prisma.mjs migrate deploy
node scripts/prisma.mjs migrate status >/dev/null
npx tsx scripts/bootstrap-admin.ts
npx tsx scripts/bootstrap-bucket.ts
exec node node_modules/next/dist/bin/next start --hostname 127.0.0.1 --port "$PORT"

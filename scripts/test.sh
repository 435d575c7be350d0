#!/usr/bin/env bash
# Installs everything and runs every test: types, unit, storage and integration (real radosgw,
# PGlite and PostgreSQL), migrations, end-to-end in Chromium against `next build` + `next start`,
# and the README's run command on an empty data dir.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export NEXT_TELEMETRY_DISABLED=1 AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true

step() { printf '\n==> %s\n' "$*"; }

step "install"
bash scripts/install.sh --test
bash scripts/ensure-postgres.sh

step "object store"
started_store=false
if ! bash scripts/object-store.sh status 2>/dev/null; then
  bash scripts/object-store.sh start
  started_store=true
fi
trap '$started_store && bash scripts/object-store.sh stop' EXIT
S3_BUCKET=slipway-test APP_URL=http://127.0.0.1:3100 npx tsx scripts/bootstrap-bucket.ts

step "typecheck"
npx tsc --noEmit

step "unit, storage, integration (PGlite + PostgreSQL), migrations"
npx vitest run

step "build"
npx next build

step "end-to-end (Chromium)"
npx playwright test

step "the README's run command on an empty data dir"
SLIPWAY_SMOKE=1 npx vitest run --project smoke

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

step "object store (a fresh one for this run, on free ports)"
store_dir=$(mktemp -d /var/tmp/slipway-test-store.XXXXXX)
S3_PORT=$(bash scripts/free-port.sh)
CEPH_MON_PORT=$(bash scripts/free-port.sh)
export S3_PORT CEPH_MON_PORT S3_ENDPOINT=http://127.0.0.1:$S3_PORT
trap 'SLIPWAY_DATA_DIR=$store_dir bash scripts/object-store.sh stop; rm -rf "$store_dir"' EXIT
SLIPWAY_DATA_DIR=$store_dir bash scripts/object-store.sh start
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

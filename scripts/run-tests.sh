#!/usr/bin/env bash
# Runs every test (`npm test`; scripts/test.sh installs everything first): types, lint and
# format, unit, storage and integration (real radosgw and clamd, PGlite and PostgreSQL), migrations,
# end-to-end in Chromium against `next build` + server.ts, the small benchmark, the admin
# queries on a seeded database, and the README's run command on an empty data dir.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/use-node.sh
export NEXT_TELEMETRY_DISABLED=1

# Each step says when it starts (seconds since the run began), so a slow step shows in CI's log.
step() { printf '\n==> [%ss] %s\n' "$SECONDS" "$*"; }

# Each command runs in its own process group, in the background, so that a signal reaches this
# script at once (bash defers traps until a foreground command ends) and the trap can stop the
# command with everything it spawned (vitest workers, the app server, Chromium).
child=""
run() {
  set -m
  "$@" &
  child=$!
  set +m
  local status=0
  wait "$child" || status=$?
  child=""
  return "$status"
}
stop_child() {
  [[ -n $child ]] || return 0
  kill -TERM -- "-$child" 2>/dev/null || true
  wait "$child" 2>/dev/null || true
}
trap 'stop_child; exit 130' INT
trap 'stop_child; exit 143' TERM

step "object store and clamd (fresh ones for this run, on free ports)"
store_dir=$(mktemp -d /var/tmp/slipway-test-store.XXXXXX)
S3_PORT=$(bash scripts/free-port.sh)
CEPH_MON_PORT=$(bash scripts/free-port.sh)
CLAMD_PORT=$(bash scripts/free-port.sh)
export S3_PORT CEPH_MON_PORT S3_ENDPOINT=http://127.0.0.1:$S3_PORT CLAMD_HOST=127.0.0.1 CLAMD_PORT
trap 'SLIPWAY_DATA_DIR=$store_dir bash scripts/swift-store.sh stop || true; SLIPWAY_DATA_DIR=$store_dir bash scripts/clamd.sh stop || true; SLIPWAY_DATA_DIR=$store_dir bash scripts/object-store.sh stop; rm -rf "$store_dir"' EXIT
SLIPWAY_DATA_DIR=$store_dir run bash scripts/object-store.sh start
# OpenStack Swift's S3 API for tests/swift (the "swift" project reads SWIFT_S3_ENDPOINT, no other does).
SWIFT_PORT=$(bash scripts/free-port.sh)
export SWIFT_PORT SWIFT_S3_ENDPOINT=http://127.0.0.1:$SWIFT_PORT
SLIPWAY_DATA_DIR=$store_dir APP_URL=http://127.0.0.1:3100 run bash scripts/swift-store.sh start
SLIPWAY_DATA_DIR=$store_dir run bash scripts/clamd.sh start
S3_BUCKET=slipway-test APP_URL=http://127.0.0.1:3100 run bash scripts/tsx-server.sh scripts/bootstrap-bucket.ts

step "typecheck, lint, format"
run npx tsc --noEmit
run npx eslint .
run npx prettier --check .

step "unit, storage, integration (PGlite + PostgreSQL), migrations"
run npx vitest run

step "build"
run npm run build

step "two app instances on one PostgreSQL and one bucket (scripts/serve.sh twice)"
SLIPWAY_INSTANCES=1 run npx vitest run --project instances

step "end-to-end (Chromium)"
run npx playwright test

step "benchmarks, small variant (the full run and its figures: docs/performance.md)"
BENCH_MIB=256 BENCH_RSS_MIB=512 BENCH_OUTPUT=$store_dir/bench.json run bash bench/run.sh

step "load on one app instance then two, small variant: 20 × 8 MiB uploads + 200 share-link downloads (20 × 256 MiB figures: docs/performance.md)"
BENCH_INSTANCES_MIB=8 BENCH_INSTANCES_PART_MIB=5 BENCH_STORE_DIR=$store_dir BENCH_OUTPUT=$store_dir/instances.json run npx tsx bench/instances.ts

step "processing benchmark, small variant: the worker's pass against a bare GET and clamd alone, and its memory (1 GiB figures: docs/performance.md)"
S3_BUCKET=slipway-test BENCH_PROCESSING_MIB=256 BENCH_PROCESSING_ROUNDS=2 BENCH_PROCESSING_COALESCE_KIB=0 BENCH_PROCESSING_JOBS=1 \
  BENCH_OUTPUT=$store_dir/processing.json run bash scripts/tsx-server.sh bench/processing.ts

step "admin queries on a seeded PostgreSQL: 10,000 users, 1,000,000 uploads, 5,000,000 audit events (fails on a full scan of a large table)"
run bash bench/admin.sh

step "the README's run command on an empty data dir"
SLIPWAY_SMOKE=1 run npx vitest run --project smoke

step "done"

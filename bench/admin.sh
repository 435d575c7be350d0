#!/usr/bin/env bash
# Admin API queries on a seeded PostgreSQL (issue 10): review queue, users, stats, audit log.
#
#   bash bench/admin.sh                         # 10,000 users, 1,000,000 uploads, 5,000,000 audit events
#   ADMIN_BENCH_SCALE=0.1 bash bench/admin.sh   # a tenth of that (CI)
#
# Creates its own database on the PostgreSQL at $TEST_POSTGRES_URL (as the tests do; default
# postgres://postgres:postgres@127.0.0.1:5432/postgres), migrates it, seeds it with
# bench/admin-seed.sql, runs bench/admin-queries.ts (markdown on stdout, progress on stderr) and
# drops the database, also when interrupted. The stats call ListMultipartUploads: it needs the
# object store at $S3_ENDPOINT and uses its own bucket ($S3_BUCKET, default slipway-bench-admin).
# Other settings: ADMIN_BENCH_RUNS (50), ADMIN_BENCH_WARMUP (5), ADMIN_BENCH_DEEP_PAGES (200).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/use-node.sh
started=$SECONDS
step() { printf '\n==> %s\n' "$*" >&2; }

scale=${ADMIN_BENCH_SCALE:-1}
scaled() { awk -v n="$1" -v s="$scale" 'BEGIN { v = int(n * s); print (v < 1 ? 1 : v) }'; }
users=$(scaled 10000) uploads=$(scaled 1000000) events=$(scaled 5000000)

admin_url=${TEST_POSTGRES_URL:-postgres://postgres:postgres@127.0.0.1:5432/postgres}
name=slipway_admin_bench_$$
export DATABASE_URL=$(node -e 'const u = new URL(process.argv[1]); u.pathname = "/" + process.argv[2]; console.log(u.toString())' "$admin_url" "$name")
export S3_BUCKET=${S3_BUCKET:-slipway-bench-admin}

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  psql "$admin_url" -qc "DROP DATABASE IF EXISTS $name WITH (FORCE)" || true
  echo "admin bench: wall time $((SECONDS - started)) s" >&2
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

step "bucket $S3_BUCKET at ${S3_ENDPOINT:-the default S3_ENDPOINT}"
bash scripts/tsx-server.sh scripts/bootstrap-bucket.ts >/dev/null

step "database $name, migrated"
psql "$admin_url" -qc "CREATE DATABASE $name"
node scripts/prisma.mjs migrate deploy >/dev/null

step "seed: $users users, $uploads uploads, $events audit events"
seed_started=$SECONDS
psql "$DATABASE_URL" -q -v users="$users" -v uploads="$uploads" -v events="$events" -f bench/admin-seed.sql >&2
export ADMIN_BENCH_SEED_SECONDS=$((SECONDS - seed_started))

step "recount, VACUUM ANALYZE, measurements"
bash scripts/tsx-server.sh bench/admin-queries.ts

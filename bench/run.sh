#!/usr/bin/env bash
# Upload and share-link benchmarks against a built Slipway (`npm run build` first):
#
#   bash bench/run.sh                                    # 1 GiB throughput runs, 2 GiB memory run
#   BENCH_MIB=256 BENCH_RSS_MIB=512 bash bench/run.sh    # the small variant (CI)
#   BENCH_SUITE=links bash bench/run.sh                  # only the share-link redirect latency (~1.5 min)
#   BENCH_SUITE=uplink bash bench/run.sh                 # only uploads behind emulated 1 Gbit/s and 100 Mbit/s uplinks (~4 min)
#
# Starts its own object store (temp data dir, free ports) and its own app server (temp
# database, bucket slipway-bench), runs bench/main.ts against them, prints markdown tables and
# writes the JSON to $BENCH_OUTPUT (default bench/results.json), then stops both.
# Other settings: BENCH_RUNS (repeats, median reported, default 1), BENCH_CONCURRENCIES
# (default 4,6,8), BENCH_SIGN_CALLS / BENCH_SIGN_WARMUP (200 / 20), BENCH_SETTLE_SECONDS (5),
# BENCH_PART_MIB (e.g. "8,32": after the main run, restart the app with each of these
# MULTIPART_PART_BYTES and measure the /uploads page and lib-storage again; default none),
# BENCH_LINK_CONNECTIONS / BENCH_LINK_SECONDS (share-link redirect and baseline load: 100 / 10),
# BENCH_LINK_SERVICE_SECONDS (the redirect at one connection: 3), BENCH_UPLINKS and
# BENCH_UPLINK_LATENCY_MS (BENCH_SUITE=uplink: "<Mbit/s>:<MiB>" pairs, default 1000:2048,100:256; 20 ms).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/use-node.sh
export NEXT_TELEMETRY_DISABLED=1
started=$SECONDS
step() { printf '\n==> %s\n' "$*" >&2; }

# Three distinct free ports: S3, the Ceph monitor, the app.
ports=()
while ((${#ports[@]} < 3)); do
  port=$(bash scripts/free-port.sh)
  [[ " ${ports[*]} " == *" $port "* ]] || ports+=("$port")
done
work=$(mktemp -d /var/tmp/slipway-bench.XXXXXX) # on disk, not tmpfs: the OSD's block file grows with the uploads
export S3_PORT=${ports[0]} CEPH_MON_PORT=${ports[1]} PORT=${ports[2]}
export S3_ENDPOINT=http://127.0.0.1:$S3_PORT S3_BUCKET=slipway-bench APP_URL=http://127.0.0.1:$PORT
# The app creates this admin; the bench signs in as it to approve the files it shares (review is on).
export ADMIN_EMAIL=admin@bench.local ADMIN_PASSWORD=bench-admin-password-0123
export BENCH_STORE_DIR=$work/store BENCH_OUTPUT=$(realpath -m "${BENCH_OUTPUT:-bench/results.json}")
app_pid=

stop_app() {
  [[ -n $app_pid ]] || return 0
  kill -TERM -- "-$app_pid" 2>/dev/null || true # serve.sh runs in its own process group (setsid)
  for _ in {1..20}; do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.5; done
  kill -KILL -- "-$app_pid" 2>/dev/null || true
  app_pid=
}

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  stop_app
  SLIPWAY_DATA_DIR=$BENCH_STORE_DIR bash scripts/object-store.sh stop || true
  if ((status != 0)) && [[ -f $work/app.log ]]; then
    echo "bench: failed; the app's log ends with:" >&2
    tail -n 30 "$work/app.log" >&2
  fi
  rm -rf "$work"
  echo "bench: wall time $((SECONDS - started)) s" >&2
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The app and the benchmark run from a snapshot of the checkout (dependencies symlinked):
# `next build` or edits in the checkout during the run would otherwise swap .next under the
# running server and break it, or change the code mid-run.
step "snapshot of the built app"
app_root=$work/app-root
for attempt in {1..10}; do
  build_id=$(cat .next/BUILD_ID 2>/dev/null || true)
  if [[ -n $build_id && -f public/workers/md5.js ]]; then
    rm -rf "$app_root" && mkdir -p "$app_root"
    { tar -c --exclude=./node_modules --exclude=./.tools --exclude=./.data --exclude=./.git --exclude=./.next/cache \
      --exclude=./test-results --exclude=./playwright-report . 2>/dev/null || true; } | tar -x -C "$app_root"
    # Unchanged while copying: not caught in the middle of a rebuild.
    [[ -f $app_root/.next/BUILD_ID && $(cat .next/BUILD_ID 2>/dev/null) == "$build_id" ]] && break
  fi
  ((attempt < 10)) || { echo "bench: no complete build in .next: run npm run build first" >&2; exit 1; }
  echo "bench: .next is missing or being rebuilt; waiting" >&2
  sleep 15
done
ln -s "$PWD/node_modules" "$app_root/node_modules"

step "object store on :$S3_PORT (data in $BENCH_STORE_DIR)"
SLIPWAY_DATA_DIR=$BENCH_STORE_DIR bash scripts/object-store.sh start

# serve.sh migrates the database, creates the admin and bootstraps the bucket (S3_BUCKET, CORS
# for APP_URL) before the server starts. A fresh database each time; quota: room for the big uploads.
start_app() {
  step "app on $APP_URL (MULTIPART_PART_BYTES=$MULTIPART_PART_BYTES)"
  rm -rf "$work/app"
  SLIPWAY_DATA_DIR=$work/app DEFAULT_QUOTA_BYTES=$((20 * 1024 ** 3)) \
    setsid bash "$app_root/scripts/serve.sh" >"$work/app.log" 2>&1 &
  app_pid=$!
  local deadline=$((SECONDS + 180))
  until curl -sf --max-time 3 "$APP_URL/api/health" >/dev/null; do
    kill -0 "$app_pid" 2>/dev/null || { echo "bench: the app exited during startup" >&2; exit 1; }
    ((SECONDS < deadline)) || { echo "bench: the app did not answer within 180 s" >&2; exit 1; }
    sleep 1
  done
}

export MULTIPART_PART_BYTES=${MULTIPART_PART_BYTES:-$((16 * 1024 ** 2))}
# The share-link redirect benchmark sends thousands of requests a second from one address to one
# link. Limits this high keep the limiter on the measured path (its cost is part of the redirect)
# without it answering 429 and shaping the load.
export LINK_ACCESS_PER_IP_PER_MINUTE=100000000 LINK_ACCESS_PER_LINK_PER_MINUTE=100000000
start_app
step "measurements (BENCH_SUITE=${BENCH_SUITE:-full} BENCH_MIB=${BENCH_MIB:-1024} BENCH_RSS_MIB=${BENCH_RSS_MIB:-2048} BENCH_RUNS=${BENCH_RUNS:-1})"
(cd "$app_root" && bash scripts/tsx-server.sh bench/main.ts)

part_mibs=${BENCH_PART_MIB:-}
for mib in ${part_mibs//,/ }; do
  stop_app
  MULTIPART_PART_BYTES=$((mib * 1024 ** 2))
  start_app
  (cd "$app_root" && BENCH_SUITE=part-size bash scripts/tsx-server.sh bench/main.ts)
done

printf '\n' && npx tsx bench/print-report.ts "$BENCH_OUTPUT"

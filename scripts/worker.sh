#!/usr/bin/env bash
# `npm run worker`: the job worker on the project's Node (scripts/worker.ts says what it runs).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/use-node.sh
# A small young generation: the worker's 64 KiB socket buffers die young, and V8's default lets
# ~100 MiB of them pile up before a collection (bench/processing.ts, docs/performance.md).
export NODE_OPTIONS="--max-semi-space-size=1${NODE_OPTIONS:+ $NODE_OPTIONS}"
exec bash scripts/tsx-server.sh scripts/worker.ts

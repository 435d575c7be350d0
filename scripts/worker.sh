#!/usr/bin/env bash
# `npm run worker`: the job worker on the project's Node (scripts/worker.ts says what it runs).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/use-node.sh
exec bash scripts/tsx-server.sh scripts/worker.ts

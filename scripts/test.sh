#!/usr/bin/env bash
# Installs everything (npm packages, Ceph, Chromium, PostgreSQL) and runs every test
# (scripts/run-tests.sh, which is also `npm test`).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/use-node.sh

printf '\n==> install\n'
bash scripts/install.sh --test
bash scripts/ensure-postgres.sh
exec bash scripts/run-tests.sh

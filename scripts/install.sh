#!/usr/bin/env bash
# Installs what Slipway needs on a Debian machine, skipping what is already there:
#   scripts/install.sh            npm packages (+ generated Prisma client) and Ceph
#   scripts/install.sh --test     also Chromium (for Playwright); PostgreSQL for the tests is
#                                 scripts/ensure-postgres.sh's business
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/use-node.sh
export NEXT_TELEMETRY_DISABLED=1

apt_install() {
  local sudo=(); ((EUID == 0)) || sudo=(sudo)
  echo "install: apt-get install $*" >&2
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"
}

bash scripts/object-store.sh install

if [[ ${1:-} == --test ]]; then
  command -v chromium >/dev/null || apt_install chromium
fi

# npm ci only when the lock file or the Node running it changed since the last install (it wipes
# node_modules; native addons are built for one Node); its postinstall generates the Prisma client.
stamp=node_modules/.slipway-installed
if [[ ! -f $stamp || package-lock.json -nt $stamp || ! -d lib/generated/prisma || $(<"$stamp") != "$(node --version)" ]]; then
  npm ci --no-audit --no-fund
  node --version >"$stamp"
fi

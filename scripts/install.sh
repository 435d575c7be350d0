#!/usr/bin/env bash
# Installs what Slipway needs on a Debian machine, skipping what is already there:
#   scripts/install.sh            npm packages (+ generated Prisma client), Ceph and clamd
#   scripts/install.sh --test     also Chromium (for Playwright) and OpenStack Swift; PostgreSQL for the tests is
#                                 scripts/ensure-postgres.sh's business
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/use-node.sh
export NEXT_TELEMETRY_DISABLED=1

as_root() { if ((EUID == 0)); then "$@"; else sudo "$@"; fi; }

apt_install() {
  echo "install: apt-get install $*" >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"
}

bash scripts/object-store.sh install

# scripts/clamd.sh runs a private clamd with Slipway's own signatures. The package would also
# start the machine's clamd and freshclam (which downloads signatures into /var/lib/clamav):
# neither is used, so both are stopped and switched off, under systemd or SysV init.
if [[ ! -x /usr/sbin/clamd ]]; then
  apt_install clamav-daemon
  if [[ -d /run/systemd/system ]]; then
    for unit in clamav-daemon.socket clamav-daemon.service clamav-freshclam.service clamav-freshclam-once.timer; do
      as_root systemctl disable --now "$unit" >/dev/null 2>&1 || true
    done
  else
    for unit in clamav-daemon clamav-freshclam; do
      as_root service "$unit" stop >/dev/null 2>&1 || true
      as_root update-rc.d "$unit" disable >/dev/null 2>&1 || true
    done
  fi
fi

if [[ ${1:-} == --test ]]; then
  command -v chromium >/dev/null || apt_install chromium
  bash scripts/swift-store.sh install # the tests' second S3 store (tests/swift)
fi

# npm ci only when the lock file or the Node running it changed since the last install (it wipes
# node_modules; native addons are built for one Node); its postinstall generates the Prisma client.
stamp=node_modules/.slipway-installed
if [[ ! -f $stamp || package-lock.json -nt $stamp || ! -d lib/generated/prisma || $(<"$stamp") != "$(node --version)" ]]; then
  npm ci --no-audit --no-fund
  node --version >"$stamp"
fi

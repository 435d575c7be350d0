#!/usr/bin/env bash
# Makes a local PostgreSQL answer at $TEST_POSTGRES_URL for the tests: installs and starts the
# Debian cluster when needed, and gives the postgres role the password the default URL uses.
# Says what it changes; does nothing when the URL already answers.
set -euo pipefail
url=${TEST_POSTGRES_URL:-postgres://postgres:postgres@127.0.0.1:5432/postgres}

log() { echo "ensure-postgres: $*" >&2; }
die() { log "error: $*"; exit 1; }
answers() { psql "$url" -qAtc "SELECT 1" >/dev/null 2>&1; }

answers && exit 0

if ! command -v pg_ctlcluster >/dev/null; then
  log "installing postgresql (apt)"
  DEBIAN_FRONTEND=noninteractive apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql
fi

version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)
[[ -n $version ]] || die "no cluster under /etc/postgresql; create one with: pg_createcluster <version> main"
if ! pg_ctlcluster "$version" main status >/dev/null 2>&1; then
  log "starting cluster $version/main"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start
fi
for _ in $(seq 30); do runuser -u postgres -- psql -qAtc "SELECT 1" >/dev/null 2>&1 && break; sleep 1; done
runuser -u postgres -- psql -qAtc "SELECT 1" >/dev/null || die "cluster $version/main does not accept connections"

if ! answers; then
  log "set password for role postgres"
  runuser -u postgres -- psql -qc "ALTER USER postgres PASSWORD 'postgres'" >/dev/null
fi
answers || die "cannot connect to $url"

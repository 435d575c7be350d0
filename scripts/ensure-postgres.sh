#!/usr/bin/env bash
# Makes a local PostgreSQL answer at $TEST_POSTGRES_URL for the tests: installs and starts the
# Debian cluster when needed, and gives the postgres role the password the default URL uses.
set -euo pipefail
url=${TEST_POSTGRES_URL:-postgres://postgres:postgres@127.0.0.1:5432/postgres}

psql "$url" -qAtc "SELECT 1" >/dev/null 2>&1 && exit 0

command -v pg_ctlcluster >/dev/null || {
  DEBIAN_FRONTEND=noninteractive apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql
}
version=$(ls /etc/postgresql | sort -V | tail -n 1)
pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null || true
for _ in $(seq 30); do runuser -u postgres -- psql -qAtc "SELECT 1" >/dev/null 2>&1 && break; sleep 1; done
runuser -u postgres -- psql -qc "ALTER USER postgres PASSWORD 'postgres'" >/dev/null
psql "$url" -qAtc "SELECT 1" >/dev/null || { echo "ensure-postgres: cannot connect to $url" >&2; exit 1; }

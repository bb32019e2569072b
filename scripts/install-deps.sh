#!/usr/bin/env bash
# Installs what Parity needs from Debian's packages, only when missing:
# the PostgreSQL server (tests and the demo start throwaway clusters), pg_cron (the inventory lists
# its jobs), libpq and SQLite headers, and prometheus for promtool (the tests lint /metrics and the alert rules).
set -euo pipefail
packages=(postgresql postgresql-15-cron libpq-dev libsqlite3-dev pkg-config prometheus)
missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages present: ${packages[*]}"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "missing packages: ${missing[*]}" >&2
  echo "run: sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "installing: ${missing[*]}"
apt-get update
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"

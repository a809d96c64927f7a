#!/usr/bin/env bash
# README command 1: the most complete real flow the system has today, on a fresh machine:
# install, start Postgres (embedded unless DATABASE_URL is set), apply migrations, then load and
# validate every real data set (`kiago data stats`).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$KIAGO_ROOT"
started=$(date +%s)
bash scripts/setup.sh

if [ -z "${DATABASE_URL:-}" ]; then
  DATABASE_URL="$(node scripts/local-postgres.mjs start)"
  export DATABASE_URL
fi
bash scripts/migrate.sh

node services/orchestrator/dist/cli/main.js data stats "$@"
echo "[kiago] demo finished in $(( $(date +%s) - started )) s" >&2

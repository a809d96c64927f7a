#!/usr/bin/env bash
# README command 1: a real small campaign end to end on a fresh machine. Installs what it needs, starts
# Postgres (embedded unless DATABASE_URL is set) and a Temporal dev server (unless TEMPORAL_ADDRESS is
# set), applies migrations, then runs every worker in this process on the CPU backend with the shipped
# models, launches examples/demo.yaml (or the spec given), prints the top candidates and the report path.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$KIAGO_ROOT"
started=$(date +%s)
bash scripts/setup.sh

if [ -z "${DATABASE_URL:-}" ]; then
  DATABASE_URL="$(node scripts/local-postgres.mjs start)"
  export DATABASE_URL
fi
KIAGO_SKIP_BUILD=1 bash scripts/migrate.sh

node apps/cli/dist/main.js dev demo "$@"
echo "[kiago] demo finished in $(( $(date +%s) - started )) s" >&2

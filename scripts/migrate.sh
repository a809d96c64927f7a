#!/usr/bin/env bash
# Applies pending migrations (prisma/migrations) to $DATABASE_URL with @kiago/db's transactional
# runner (advisory-locked, Prisma-compatible `_prisma_migrations` bookkeeping). Builds @kiago/db
# first through turbo (cached); KIAGO_SKIP_BUILD=1 skips that when dist/ is known to be fresh.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$KIAGO_ROOT"

if [ -z "${DATABASE_URL:-}" ]; then
  echo "migrate: DATABASE_URL is not set; e.g. export DATABASE_URL=\"\$(node scripts/local-postgres.mjs)\"" >&2
  exit 2
fi
if [ "${KIAGO_SKIP_BUILD:-0}" != 1 ] || [ ! -f packages/db/dist/index.js ]; then
  TURBO_TELEMETRY_DISABLED=1 turbo run build --filter=@kiago/db --output-logs=errors-only >&2
fi
exec node scripts/migrate.ts "$@"

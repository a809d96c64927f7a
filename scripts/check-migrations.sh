#!/usr/bin/env bash
# Fails when prisma/schema.prisma differs from what the committed prisma/migrations produce.
# Uses the pinned Prisma 6.19 tool (tools/prisma-migrate, WASM schema engine: works offline). Needs
# DATABASE_URL on a server where the user may create databases: the tool replays the migrations
# into a temporary shadow database there. The database named in the URL is not changed.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$KIAGO_ROOT"

if [ -z "${DATABASE_URL:-}" ]; then
  echo "check-migrations: DATABASE_URL is not set; e.g. export DATABASE_URL=\"\$(node scripts/local-postgres.mjs)\"" >&2
  exit 2
fi
tool=tools/prisma-migrate
if [ ! -f "$tool/node_modules/.package-lock.json" ] || [ "$tool/package-lock.json" -nt "$tool/node_modules/.package-lock.json" ]; then
  npm ci --prefix "$tool" --no-audit --no-fund --loglevel=error >&2
fi

set +e
# Paths are relative to the tool folder (migrate.mjs runs Prisma there).
diff_output="$(node "$tool/migrate.mjs" migrate diff \
  --from-migrations ../../prisma/migrations \
  --to-schema-datamodel .schema/schema.prisma \
  --script --exit-code 2>&1)"
status=$?
set -e

case "$status" in
  0)
    echo "check-migrations: OK, prisma/schema.prisma matches prisma/migrations"
    ;;
  2)
    {
      echo "check-migrations: DRIFT: prisma/schema.prisma differs from what prisma/migrations produce."
      echo "SQL the migrations are missing:"
      echo "$diff_output" | grep -v '^Loaded Prisma config'
      echo
      echo "Create the migration (then review and commit prisma/migrations/<timestamp>_<name>/):"
      echo "  DATABASE_URL=<dev database> node tools/prisma-migrate/migrate.mjs migrate dev --create-only --name <name>"
    } >&2
    exit 1
    ;;
  *)
    echo "check-migrations: the drift check itself failed (exit $status):" >&2
    echo "$diff_output" >&2
    exit "$status"
    ;;
esac

#!/usr/bin/env bash
# Idempotent project set-up shared by the README commands: Node 24, npm dependencies, generated
# Prisma client and compiled workspaces. Cheap when nothing changed (stamp file + turbo cache).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$KIAGO_ROOT"
export TURBO_TELEMETRY_DISABLED=1

stamp="$KIAGO_TOOLS/npm-ci.stamp"
lock_hash="$(sha256sum package-lock.json | cut -d' ' -f1)-$(node -v)"
if [ ! -d node_modules ] || [ "$(cat "$stamp" 2>/dev/null)" != "$lock_hash" ]; then
  echo "[kiago] installing npm dependencies (npm ci)" >&2
  npm ci --no-audit --no-fund
  mkdir -p "$KIAGO_TOOLS" && echo "$lock_hash" >"$stamp"
fi
bash scripts/setup-tfjs.sh >/dev/null
npm run --silent build >/dev/null
# npm links a workspace's bin only when its target exists, and dist/ is built after `npm ci`:
# link `kiago` now so that `npx kiago` works.
[ -e node_modules/.bin/kiago ] || npm rebuild --silent --ignore-scripts @kiago/cli >/dev/null

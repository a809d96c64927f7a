#!/usr/bin/env bash
# Fails on package-lock.json entries without a version: npm ci crashes on them on a fresh machine
# ("Invalid Version"). Regenerate with the pinned npm (scripts/env.sh): npm install --package-lock-only.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$KIAGO_ROOT"
node -e '
  const lock = require("./package-lock.json");
  const holes = Object.entries(lock.packages ?? {}).filter(([path, entry]) => path && !entry.link && !entry.version);
  if (holes.length > 0) {
    console.error(`package-lock.json: ${holes.length} entries without a version, e.g. ${holes[0][0]}`);
    process.exit(1);
  }
  console.log(`package-lock.json: ${Object.keys(lock.packages).length - 1} entries, all versioned`);
'

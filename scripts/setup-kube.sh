#!/usr/bin/env bash
# A real Kubernetes control plane for the deploy tests, offline and idempotent:
#   kube-apiserver, kube-controller-manager and kube-scheduler built from the Go module proxy into
#   .tools/kube/bin, and
#   Debian's etcd-server (apt-get) when `etcd` is missing, and KEDA's CRDs (ScaledObject,
#   TriggerAuthentication) from the KEDA Go module's zip (config/crd/bases) into .tools/kube/crds. Nothing is started here: the tests'
#   tests/setup/kube.ts starts them per test run on random 127.0.0.1 ports.
# k8s.io/kubernetes's go.mod has `replace` directives into ./staging, so `go install …@v` is refused; a
# wrapper module requires k8s.io/kubernetes and pins every staging module to its published v0.MINOR.PATCH
# (recipe: ../shared/recipes/kube-apiserver). Cold build 14 min on 2 shared cores (caches ≈ 5 GB), then
# a second run only checks the versions. Its own GOPATH/caches under .tools/kube: `rm -rf .tools/kube`
# cleans it without touching helm's .tools/go. Prints the three binaries' paths and the CRD folder.
# Exit status 3 when Go (≥ 1.25) or etcd cannot be had, so callers can tell "no tool" from a broken build.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$KIAGO_ROOT"

KUBE_VERSION="v1.34.4" # verified with Debian's etcd 3.4.23 and go1.26 (recipe)
KUBE_ROOT="$KIAGO_TOOLS/kube"
BIN_DIR="$KUBE_ROOT/bin"
WRAP_DIR="$KUBE_ROOT/wrap-$KUBE_VERSION"
COMMANDS=(kube-apiserver kube-controller-manager kube-scheduler)
# The oldest KEDA the chart supports (docs/deploy.md): its CRD schemas are the ones objects must pass.
KEDA_VERSION="v2.17.2"
CRD_DIR="$KUBE_ROOT/crds/keda-$KEDA_VERSION"
KEDA_CRDS=(keda.sh_scaledobjects.yaml keda.sh_triggerauthentications.yaml)

log() { echo "[setup-kube] $*" >&2; }

ensure_etcd() {
  command -v etcd >/dev/null 2>&1 && return 0
  log "etcd is missing: installing Debian's etcd-server (apt-get)"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
  if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends etcd-server; } >&2; then
    log "could not install etcd-server with apt-get"
    exit 3
  fi
  command -v etcd >/dev/null 2>&1 || { log "etcd-server installed but no etcd on PATH"; exit 3; }
}

binaries_ok() {
  local c
  for c in "${COMMANDS[@]}"; do
    [ -x "$BIN_DIR/$c" ] && "$BIN_DIR/$c" --version 2>/dev/null | grep -qx "Kubernetes $KUBE_VERSION" || return 1
  done
}

# go.mod = require k8s.io/kubernetes + every ./staging replace pinned to v0.MINOR.PATCH of the same release.
write_wrapper() {
  local gomod staging="v0.${KUBE_VERSION#v1.}"
  mkdir -p "$WRAP_DIR"
  gomod="$(go mod download -json "k8s.io/kubernetes@$KUBE_VERSION" | sed -n 's/.*"GoMod": "\(.*\)".*/\1/p')"
  {
    echo "module kiago.local/kube-tools"
    echo
    grep -m1 '^go ' "$gomod"
    echo
    echo "require k8s.io/kubernetes $KUBE_VERSION"
    echo
    echo "replace ("
    awk '/^replace \(/{f=1;next} f&&/^\)/{f=0} f&&NF' "$gomod" | while read -r mod _ target rest; do
      case "$target" in ./staging/*) echo "	$mod => $mod $staging" ;; *) echo "	$mod => $target $rest" ;; esac
    done
    echo ")"
  } >"$WRAP_DIR/go.mod"
}

build() {
  write_wrapper
  cd "$WRAP_DIR"
  local c version_pkg=k8s.io/component-base/version minor
  minor="$(echo "$KUBE_VERSION" | cut -d. -f2)"
  for c in "${COMMANDS[@]}"; do go get "k8s.io/kubernetes/cmd/$c@$KUBE_VERSION" >&2; done
  mkdir -p "$BIN_DIR"
  for c in "${COMMANDS[@]}"; do
    log "building $c $KUBE_VERSION"
    go build -trimpath -ldflags "-s -w -X $version_pkg.gitVersion=$KUBE_VERSION -X $version_pkg.gitMajor=1 \
      -X $version_pkg.gitMinor=$minor -X $version_pkg.gitTreeState=clean" -o "$BIN_DIR/$c" "k8s.io/kubernetes/cmd/$c"
  done
  cd "$KIAGO_ROOT"
}

crds_ok() {
  local f
  for f in "${KEDA_CRDS[@]}"; do [ -s "$CRD_DIR/$f" ] || return 1; done
}

copy_keda_crds() {
  local dir f
  dir="$(go mod download -json "github.com/kedacore/keda/v2@$KEDA_VERSION" | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')"
  mkdir -p "$CRD_DIR"
  for f in "${KEDA_CRDS[@]}"; do cp "$dir/config/crd/bases/$f" "$CRD_DIR/$f"; done
}

use_go() {
  if ! command -v go >/dev/null 2>&1 && [ -x /usr/local/go/bin/go ]; then export PATH="/usr/local/go/bin:$PATH"; fi
  command -v go >/dev/null 2>&1 || { log "go is not on PATH: cannot build the control plane"; exit 3; }
  go_minor="$(go env GOVERSION | sed -E 's/^go1\.([0-9]+).*/\1/')"
  [ "$go_minor" -ge 25 ] || { log "go $(go env GOVERSION) is older than 1.25 (kubernetes $KUBE_VERSION needs it)"; exit 3; }
  export GOPATH="$KUBE_ROOT/go" GOMODCACHE="$KUBE_ROOT/go/pkg/mod" GOCACHE="$KUBE_ROOT/go/cache"
  # -modcacherw: a plain `rm -rf .tools/kube` can clean the module cache.
  export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS="-buildvcs=false -modcacherw"
}

ensure_etcd
if ! binaries_ok; then
  use_go
  log "building the control plane $KUBE_VERSION into $BIN_DIR (Go module proxy; minutes the first time)"
  build
  binaries_ok || { log "built, but the binaries do not report $KUBE_VERSION"; exit 1; }
fi
if ! crds_ok; then
  use_go
  log "copying KEDA $KEDA_VERSION's CRDs into $CRD_DIR (KEDA Go module zip)"
  copy_keda_crds
fi

echo "$BIN_DIR/kube-apiserver"
echo "$BIN_DIR/kube-controller-manager"
echo "$BIN_DIR/kube-scheduler"
command -v etcd
echo "$CRD_DIR"

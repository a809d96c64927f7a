#!/usr/bin/env bash
# Deployment tooling, offline and idempotent: Helm and kustomize built from source through the Go
# module proxy (the only route here — their release binaries live on websites). Neither module's
# go.mod carries `replace` directives, so `go install pkg@version` accepts them.
#   helm      helm.sh/helm/v3 v3.21.4           (go 1.26.0 in its go.mod)
#   kustomize sigs.k8s.io/kustomize/kustomize/v5 v5.8.1 (v5.8.3 needs go 1.27, newer than the machines')
# Everything lives under .tools/go (GOPATH, module and build caches, binaries); a second run only
# checks the versions. First build: several minutes on 2 cores. Prints the two binaries' paths.
# Exit status 3 when Go is missing or too old, so callers can tell "no tool" from a broken build.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$KIAGO_ROOT"

HELM_VERSION="v3.21.4"
HELM_K8S_MINOR="36" # helm v3.21.4 builds against k8s.io/client-go v0.36.x
KUSTOMIZE_VERSION="v5.8.1"
GO_ROOT="$KIAGO_TOOLS/go"
BIN_DIR="$GO_ROOT/bin"

log() { echo "[setup-helm] $*" >&2; }

# The machines ship Go in /usr/local/go (not always on a non-login PATH).
if ! command -v go >/dev/null 2>&1 && [ -x /usr/local/go/bin/go ]; then export PATH="/usr/local/go/bin:$PATH"; fi
if ! command -v go >/dev/null 2>&1; then
  log "go is not on PATH: cannot build helm/kustomize"
  exit 3
fi
go_minor="$(go env GOVERSION | sed -E 's/^go1\.([0-9]+).*/\1/')"
if [ "$go_minor" -lt 26 ]; then
  log "go $(go env GOVERSION) is older than 1.26 (helm $HELM_VERSION needs it)"
  exit 3
fi

export GOPATH="$GO_ROOT" GOMODCACHE="$GO_ROOT/pkg/mod" GOCACHE="$GO_ROOT/cache" GOBIN="$BIN_DIR"
# -modcacherw: a plain `rm -rf .tools` can clean the module cache.
export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS="-buildvcs=false -modcacherw"
mkdir -p "$BIN_DIR"

# A stamp records the build inputs that `helm version` does not show (the Kubernetes version flags).
HELM_STAMP="$BIN_DIR/.helm-build"
HELM_BUILD_ID="$HELM_VERSION k8s-1.$HELM_K8S_MINOR"
helm_ok() {
  [ -x "$BIN_DIR/helm" ] && [ "$(cat "$HELM_STAMP" 2>/dev/null)" = "$HELM_BUILD_ID" ] &&
    "$BIN_DIR/helm" version --template '{{.Version}}' 2>/dev/null | grep -qx "$HELM_VERSION"
}
kustomize_ok() { [ -x "$BIN_DIR/kustomize" ] && "$BIN_DIR/kustomize" version 2>/dev/null | grep -q "$KUSTOMIZE_VERSION"; }

if ! helm_ok; then
  log "building helm $HELM_VERSION into $BIN_DIR (Go module proxy)"
  # The -X flags are the ones Helm's own Makefile sets: the version string, and the Kubernetes version
  # `helm template`/`lint` assume (client-go v0.36 -> 1.36; left unset it is 1.20, older than the chart's kubeVersion).
  go install -trimpath -ldflags "-s -w -X helm.sh/helm/v3/internal/version.version=$HELM_VERSION \
    -X helm.sh/helm/v3/pkg/lint/rules.k8sVersionMajor=1 -X helm.sh/helm/v3/pkg/lint/rules.k8sVersionMinor=$HELM_K8S_MINOR \
    -X helm.sh/helm/v3/pkg/chartutil.k8sVersionMajor=1 -X helm.sh/helm/v3/pkg/chartutil.k8sVersionMinor=$HELM_K8S_MINOR" \
    "helm.sh/helm/v3/cmd/helm@$HELM_VERSION"
  echo "$HELM_BUILD_ID" >"$HELM_STAMP"
  helm_ok || { log "helm built but does not report $HELM_VERSION"; exit 1; }
fi

if ! kustomize_ok; then
  log "building kustomize $KUSTOMIZE_VERSION into $BIN_DIR (Go module proxy)"
  go install -trimpath -ldflags "-s -w -X sigs.k8s.io/kustomize/api/provenance.version=$KUSTOMIZE_VERSION" \
    "sigs.k8s.io/kustomize/kustomize/v5@$KUSTOMIZE_VERSION"
  kustomize_ok || { log "kustomize built but does not report $KUSTOMIZE_VERSION"; exit 1; }
fi

echo "$BIN_DIR/helm"
echo "$BIN_DIR/kustomize"

#!/usr/bin/env bash
# README command 2: run every test against a real Postgres (and the deploy tests against helm/kustomize
# and a real Kubernetes API server). Uses DATABASE_URL when set, otherwise
# starts the embedded Postgres of scripts/local-postgres.mjs. Extra arguments go to vitest.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$KIAGO_ROOT"
bash scripts/setup.sh
# helm + kustomize for the deploy renderer tests: built once into .tools/go (minutes the first time,
# cached after). Without Go ≥ 1.26 (exit 3) those tests skip and say why.
helm_status=0
bash scripts/setup-helm.sh >/dev/null || helm_status=$?
if [ "$helm_status" -ne 0 ] && [ "$helm_status" -ne 3 ]; then exit "$helm_status"; fi
# The real Kubernetes control plane for the deploy and autoscaler tests (kube-apiserver,
# controller-manager and scheduler built once into .tools/kube, Debian's etcd; tests/setup/kube.ts starts them
# per run on free 127.0.0.1 ports). Without Go ≥ 1.25 or apt (exit 3) those tests skip and say why.
kube_status=0
bash scripts/setup-kube.sh >/dev/null || kube_status=$?
if [ "$kube_status" -ne 0 ] && [ "$kube_status" -ne 3 ]; then exit "$kube_status"; fi

if [ -z "${DATABASE_URL:-}" ]; then
  DATABASE_URL="$(node scripts/local-postgres.mjs start)"
  export DATABASE_URL
fi

mkdir -p .kiago
results=.kiago/test-results.json
status=0
vitest run --reporter=default --reporter=json --outputFile.json="$results" "$@" || status=$?
# One plain closing line, readable by any CI: "tests: N passed, N failed, N skipped".
if [ -f "$results" ]; then
  node -e 'const r=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"));
    console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`)' "$results"
fi
exit "$status"

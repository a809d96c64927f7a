#!/usr/bin/env bash
# Deployment checks, offline and idempotent (CI calls this from .ci/run; no Docker engine or cluster
# is needed):
#   1. helm + kustomize built into .tools/go by scripts/setup-helm.sh (cached; minutes only the first time);
#   2. tests/deploy/check-deploy.ts: renders the kustomize overlays and the Helm chart (default values and
#      each helm/kiago/examples/*.yaml), checks the security/RBAC/GPU/scaling invariants a server cannot
#      know, runs `helm lint --strict`, and checks the Dockerfiles. Schemas, Pod Security and RBAC are
#      checked by a real API server (scripts/setup-kube.sh) in the deploy tests of `npm test`;
# The deploy and autoscaler test suites (tests/deploy, packages/autoscaler/src) run with
# `npm test`; the renderer tests there run only once this script has built helm and kustomize.
# Needs `npm ci` to have run (ajv, dockerfile-ast).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$KIAGO_ROOT"

bash scripts/setup-helm.sh >/dev/null
node tests/deploy/check-deploy.ts

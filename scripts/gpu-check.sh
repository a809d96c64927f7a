#!/usr/bin/env bash
# GPU node check, one command: the backend line of the GPU build, the optimiser throughput cells on
# node-gpu (beside node, the CPU build) and one paper-scale shard's time (4096 candidates × 1000 steps,
# full-width models), every result written to the folder given as the argument.
#   bash scripts/gpu-check.sh OUT_DIR
# Without a visible NVIDIA GPU it says so, writes that line to OUT_DIR/gpu-check.txt and exits 0.
# On a GPU node it needs the NVIDIA driver (libcuda.so.1) only: scripts/setup-tfjs.sh --cuda brings the
# GPU build of libtensorflow 2.21 and the CUDA 12 runtime from PyPI.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$KIAGO_ROOT"

out="${1:?usage: bash scripts/gpu-check.sh OUT_DIR}"
mkdir -p "$out"
say() { echo "[gpu-check] $*" | tee -a "$out/gpu-check.txt" >&2; }

# The same test as packages/optimiser/src/tf/gpu-visibility.ts.
if [ ! -e /dev/nvidiactl ] && [ -z "$(ls -A /proc/driver/nvidia/gpus 2>/dev/null)" ]; then
  say "no NVIDIA GPU visible on this machine (no /dev/nvidiactl, none in /proc/driver/nvidia/gpus): nothing to check"
  exit 0
fi
command -v nvidia-smi >/dev/null && nvidia-smi >"$out/nvidia-smi.txt" 2>&1 || true

bash scripts/setup.sh
cuda_env="$(bash scripts/setup-tfjs.sh --cuda | sed -n 's/^CUDA_ENV //p')"
# shellcheck source=/dev/null
source "$cuda_env"

say "backend: $(node --input-type=module -e "import { selectTfBackend } from '@kiago/optimiser';
  await selectTfBackend('node-gpu', (line) => console.log(line));" 2>>"$out/tensorflow.log")"

say "throughput cells (node-gpu beside node): $out/throughput.json"
node bench/optimiser/throughput.ts --backends node-gpu,node --max-step-seconds 30 \
  --json "$out/throughput.json" 2>>"$out/tensorflow.log" | tee "$out/throughput.txt"

say "one paper-scale shard: 4096 candidates × 1000 steps, full-width models, node-gpu"
started=$(date +%s)
KIAGO_TF_BACKEND=node-gpu node bench/optimiser/step-cell.ts --backend node-gpu --stem reference --width 1 \
  --ef-width 1 --batch 4096 --micro-batch 1024 --steps 1000 --max-step-seconds 60 >"$out/paper-shard.json" 2>>"$out/tensorflow.log"
say "paper-scale shard: $(( $(date +%s) - started )) s wall; cell: $(cat "$out/paper-shard.json")"

#!/usr/bin/env bash
# Native TensorFlow backend for @kiago/optimiser (run by services/gpu-worker), offline and idempotent: builds the addon of
# @tensorflow/tfjs-node@4.22.0 against libtensorflow taken from the PyPI wheel tensorflow-cpu==2.21.0
# (recipe and measurements: ENVIRONMENT.md, "TensorFlow.js"). Cheap when the addon already loads.
#
# How the npm side is arranged, and why:
# - tfjs-node's install script downloads libtensorflow 2.9.1 from storage.googleapis.com. Offline that
#   fails: as a regular dependency it fails `npm ci`; as an optional one npm removes the package.
# - So the project's .npmrc sets ignore-scripts=true: `npm ci` installs the package's JS and C++ sources
#   and runs no install script (see .npmrc for why no other package needs one).
# - Step 4 runs the package's own `build-addon-from-source` script (node-pre-gyp → node-gyp) with an
#   explicit `npm run`, which ignore-scripts does not block.
# - tfjs-node is an optionalDependency of @kiago/optimiser and @kiago/gpu-worker: `npm ci --omit=optional` gives an install
#   without it, and the worker falls back to the wasm backend (packages/optimiser/src/tf/backend.ts).
#
# Steps, each skipped when its result exists:
#   1. wheel → .tools/wheels (pip download; sha256 pinned)
#   2. the two shared libraries + C headers → .tools/libtensorflow-2.21.0/{lib,include}
#   3. node_modules/@tensorflow/tfjs-node/deps/{lib,include} → links into that cache
#   4. compile the addon (needs g++, make, python3 and the Node headers in $npm_config_nodedir)
# Prints the TF_Version the addon reports.
#
# GPU build, on request: `bash scripts/setup-tfjs.sh --gpu` does the same for @tensorflow/tfjs-node-gpu
# (installed with `npm install --no-save --ignore-scripts`, so the lockfile is untouched) against the
# PyPI GPU wheel `tensorflow==2.21.0` (572 MB; recipe: ../shared/recipes/tfjs-node-gpu). On a CPU machine
# the addon loads and TensorFlow says "Could not find cuda drivers"; `--gpu --cuda` also unpacks the
# CUDA 12 runtime wheels (nvidia-*-cu12, 2.8 GB) next to the libraries and writes
# .tools/libtensorflow-gpu-2.21.0/cuda-env.sh (LD_LIBRARY_PATH) for a GPU node, which then needs only
# the NVIDIA driver (libcuda.so.1).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$KIAGO_ROOT"

TF_VERSION="2.21.0"
TFJS_VERSION="4.22.0"
FLAVOUR=cpu WITH_CUDA=0
for arg in "$@"; do
  case "$arg" in
    --gpu) FLAVOUR=gpu ;;
    --cuda) FLAVOUR=gpu WITH_CUDA=1 ;;
    *) echo "[setup-tfjs] unknown option '$arg' (expected --gpu or --cuda)" >&2; exit 2 ;;
  esac
done
WHEEL_DIR="$KIAGO_TOOLS/wheels"
if [ "$FLAVOUR" = gpu ]; then
  PACKAGE="@tensorflow/tfjs-node-gpu"
  WHEEL_PROJECT="tensorflow"
  WHEEL_NAME="tensorflow-${TF_VERSION}-cp311-cp311-manylinux_2_27_x86_64.whl"
  WHEEL_SHA256="9056fbc9ba04235810b71ae6cbd958a196e8804fb53bbcffbf3e23b56155f124"
  LIB_CACHE="$KIAGO_TOOLS/libtensorflow-gpu-$TF_VERSION"
else
  PACKAGE="@tensorflow/tfjs-node"
  WHEEL_PROJECT="tensorflow-cpu"
  WHEEL_NAME="tensorflow_cpu-${TF_VERSION}-cp311-cp311-manylinux_2_27_x86_64.whl"
  WHEEL_SHA256="2b847d217b02ee7731ed91431daf3250daa0196c3c94614d23be27232e6e5b6c"
  LIB_CACHE="$KIAGO_TOOLS/libtensorflow-$TF_VERSION"
fi
PKG_DIR="$KIAGO_ROOT/node_modules/$PACKAGE"
BUILD_LOG="$KIAGO_TOOLS/${PACKAGE#@tensorflow/}-build.log"

log() { echo "[setup-tfjs] $*" >&2; }

# Prints TF_Version when the compiled addon loads, nothing otherwise. TensorFlow's own start-up
# chatter on stderr is dropped.
addon_tf_version() {
  node -e '
    const pkg = require.resolve(process.argv[1] + "/package.json");
    const preGyp = require(require.resolve("@mapbox/node-pre-gyp", { paths: [pkg] }));
    const binding = require(preGyp.find(pkg));
    process.stdout.write(binding.TF_Version);
  ' "$PACKAGE" 2>/dev/null || true
}

if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  log "the offline recipe covers Linux x86_64 only; skipping (the worker will use the wasm backend)"
  exit 0
fi
if [ "$FLAVOUR" = gpu ] && [ ! -f "$PKG_DIR/package.json" ]; then
  log "installing $PACKAGE@$TFJS_VERSION without its install script (it would download libtensorflow 2.9.1)"
  npm install --no-save --ignore-scripts --no-audit --no-fund "$PACKAGE@$TFJS_VERSION" >&2
fi
if [ ! -f "$PKG_DIR/package.json" ]; then
  log "error: $PKG_DIR is missing. Run 'npm ci' first; if npm removed it, check that the project's"
  log ".npmrc still sets ignore-scripts=true (see this script's header)."
  exit 1
fi

cuda_runtime() {
  [ "$WITH_CUDA" = 1 ] || return 0
  local env_file="$LIB_CACHE/cuda-env.sh"
  if [ ! -f "$env_file" ]; then
    # tensorflow[and-cuda] 2.21.0's pins; cupti resolves only with manylinux_2_25 among the platforms.
    log "downloading the CUDA 12 runtime wheels (~2.8 GB) into ${WHEEL_DIR#"$KIAGO_ROOT/"}/cuda"
    python3 -m pip download --quiet --no-deps --only-binary=:all: --python-version 3.11 --implementation cp --abi cp311 \
      --platform manylinux_2_27_x86_64 --platform manylinux_2_25_x86_64 --platform manylinux_2_17_x86_64 \
      --platform manylinux2014_x86_64 --platform manylinux_2_12_x86_64 --platform manylinux2010_x86_64 \
      -d "$WHEEL_DIR/cuda" \
      nvidia-cudnn-cu12==9.28.0.42 nvidia-cublas-cu12==12.9.3.13 nvidia-cusparse-cu12==12.5.10.65 \
      nvidia-nccl-cu12==2.32.3 nvidia-cusolver-cu12==11.7.5.82 nvidia-cufft-cu12==11.4.1.4 \
      nvidia-cuda-nvrtc-cu12==12.9.86 nvidia-curand-cu12==10.3.10.19 nvidia-cuda-nvcc-cu12==12.9.86 \
      nvidia-nvjitlink-cu12==12.9.86 nvidia-cuda-cupti-cu12==12.9.79 nvidia-cuda-runtime-cu12==12.9.79
    # Next to lib/, libtensorflow's own RUNPATH ($ORIGIN/../nvidia/<pkg>/lib) finds most of them.
    for wheel in "$WHEEL_DIR"/cuda/nvidia_*.whl; do unzip -q -o "$wheel" 'nvidia/*' -d "$LIB_CACHE"; done
    printf 'export LD_LIBRARY_PATH="%s${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"\n' \
      "$(ls -d "$LIB_CACHE"/nvidia/*/lib | paste -sd:)" >"$env_file"
  fi
  echo "CUDA_ENV $env_file"
}

version="$(addon_tf_version)"
if [ "$version" = "$TF_VERSION" ]; then
  log "$PACKAGE native addon already built (TF_Version $version)"
  echo "TF_Version $version"
  cuda_runtime
  exit 0
fi

# 1. The wheel. Platform flags make pip pick the same file whatever the local Python version.
if [ ! -f "$WHEEL_DIR/$WHEEL_NAME" ]; then
  log "downloading $WHEEL_NAME from PyPI (274 MB cpu, 572 MB gpu)"
  python3 -m pip download --quiet --no-deps --only-binary=:all: \
    --platform manylinux_2_27_x86_64 --python-version 3.11 --implementation cp --abi cp311 \
    "$WHEEL_PROJECT==$TF_VERSION" -d "$WHEEL_DIR"
fi
if [ "$(sha256sum "$WHEEL_DIR/$WHEEL_NAME" | cut -d' ' -f1)" != "$WHEEL_SHA256" ]; then
  log "error: $WHEEL_DIR/$WHEEL_NAME does not match the pinned sha256; delete it and re-run"
  exit 1
fi

# 2. Unpack into a temporary folder and rename, so an interrupted run never leaves a half cache.
if [ ! -f "$LIB_CACHE/lib/libtensorflow_cc.so.2" ]; then
  log "unpacking libtensorflow + headers into ${LIB_CACHE#"$KIAGO_ROOT/"}"
  staging="$(mktemp -d "$KIAGO_TOOLS/libtensorflow.XXXXXX")"
  unzip -q "$WHEEL_DIR/$WHEEL_NAME" -d "$staging" \
    'tensorflow/libtensorflow_cc.so.2' 'tensorflow/libtensorflow_framework.so.2' 'tensorflow/include/*'
  mkdir -p "$staging/out/lib"
  mv "$staging/tensorflow/libtensorflow_cc.so.2" "$staging/tensorflow/libtensorflow_framework.so.2" "$staging/out/lib/"
  mv "$staging/tensorflow/include" "$staging/out/include"
  # The link-time names node-gyp needs; libtensorflow.so.2.9.1 only makes tfjs-node's own install
  # script (should anyone run it) believe libtensorflow is present instead of downloading it.
  ln -s libtensorflow_cc.so.2 "$staging/out/lib/libtensorflow.so"
  ln -s libtensorflow_framework.so.2 "$staging/out/lib/libtensorflow_framework.so"
  ln -s libtensorflow_cc.so.2 "$staging/out/lib/libtensorflow.so.2.9.1"
  rm -rf "$LIB_CACHE"
  mv "$staging/out" "$LIB_CACHE"
  rm -rf "$staging"
fi

# The addon finds the libraries at run time through its rpath $ORIGIN/../../deps/lib.
mkdir -p "$PKG_DIR/deps"
ln -sfn "$LIB_CACHE/lib" "$PKG_DIR/deps/lib"
ln -sfn "$LIB_CACHE/include" "$PKG_DIR/deps/include"

if [ -z "${npm_config_nodedir:-}" ]; then
  # Official Node builds carry their headers; without them node-gyp would try to download them.
  node_prefix="$(dirname "$(dirname "$(command -v node)")")"
  if [ -f "$node_prefix/include/node/node_api.h" ]; then
    export npm_config_nodedir="$node_prefix"
  fi
fi

log "compiling the $PACKAGE addon against TensorFlow $TF_VERSION (log: ${BUILD_LOG#"$KIAGO_ROOT/"})"
if ! npm run --prefix "$PKG_DIR" build-addon-from-source >"$BUILD_LOG" 2>&1; then
  tail -n 30 "$BUILD_LOG" >&2
  log "error: the addon build failed; full log in $BUILD_LOG"
  exit 1
fi

version="$(addon_tf_version)"
if [ "$version" != "$TF_VERSION" ]; then
  log "error: the built addon does not load (got '${version}'); see $BUILD_LOG"
  exit 1
fi
log "$PACKAGE native addon ready"
echo "TF_Version $version"
cuda_runtime

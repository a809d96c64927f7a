# syntax=docker/dockerfile:1.7
# kiago gpu-worker: TensorFlow.js models and the KIAGO optimiser (task queue kiago-gpu).
# Two final targets, built from the repository root:
#   docker build -f docker/gpu-worker.Dockerfile --target gpu -t <registry>/kiago-gpu-worker:<version> .
#   docker build -f docker/gpu-worker.Dockerfile --target cpu -t <registry>/kiago-gpu-worker:<version>-cpu .
# `gpu` runs @tensorflow/tfjs-node-gpu 4.22 compiled against libtensorflow 2.21.0 from the PyPI GPU wheel,
# on the CUDA 12 runtime wheels (a GPU node needs only its NVIDIA driver); `cpu` (dev clusters, no GPU)
# runs @tensorflow/tfjs-node against the tensorflow-cpu 2.21.0 wheel. Both are built by
# scripts/setup-tfjs.sh, exactly as on a developer's machine (recipe: ENVIRONMENT.md, "TensorFlow.js").

FROM node:24.21.0-bookworm-slim AS build
WORKDIR /app
ENV CI=true TURBO_TELEMETRY_DISABLED=1 PRISMA_SCHEMA_ENGINE_BINARY=/bin/true CHECKPOINT_DISABLE=1
COPY package.json package-lock.json ./
COPY packages/shared/package.json packages/shared/
COPY packages/datasets/package.json packages/datasets/
COPY packages/db/package.json packages/db/
COPY packages/worker-runtime/package.json packages/worker-runtime/
COPY packages/screening/package.json packages/screening/
COPY packages/optimiser/package.json packages/optimiser/
COPY packages/orchestration/package.json packages/orchestration/
COPY packages/report/package.json packages/report/
COPY packages/api/package.json packages/api/
COPY packages/autoscaler/package.json packages/autoscaler/
COPY services/orchestrator/package.json services/orchestrator/
COPY services/gpu-worker/package.json services/gpu-worker/
COPY services/screening-worker/package.json services/screening-worker/
COPY apps/cli/package.json apps/cli/
COPY tests/package.json tests/
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.base.json turbo.json ./
COPY prisma prisma
COPY packages packages
COPY services services
RUN npx turbo run build --filter=@kiago/gpu-worker...
RUN mkdir -p /out \
 && for dir in packages/* services/* apps/*; do \
      mkdir -p "/out/$dir" && cp "$dir/package.json" "/out/$dir/" \
      && if [ -d "$dir/dist" ]; then cp -R "$dir/dist" "/out/$dir/"; fi; \
    done

# The full (non-slim) image carries python3, make and g++: setup-tfjs.sh compiles the addons from it.
FROM node:24.21.0-bookworm AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/shared/package.json packages/shared/
COPY packages/datasets/package.json packages/datasets/
COPY packages/db/package.json packages/db/
COPY packages/worker-runtime/package.json packages/worker-runtime/
COPY packages/screening/package.json packages/screening/
COPY packages/optimiser/package.json packages/optimiser/
COPY packages/orchestration/package.json packages/orchestration/
COPY packages/report/package.json packages/report/
COPY packages/api/package.json packages/api/
COPY packages/autoscaler/package.json packages/autoscaler/
COPY services/orchestrator/package.json services/orchestrator/
COPY services/gpu-worker/package.json services/gpu-worker/
COPY services/screening-worker/package.json services/screening-worker/
COPY apps/cli/package.json apps/cli/
COPY tests/package.json tests/
# --omit=optional leaves out the CPU addon; each target below adds the backend it runs.
RUN npm ci --omit=dev --omit=optional --ignore-scripts --no-audit --no-fund \
      --workspace @kiago/gpu-worker --workspace @kiago/db

# Both native backends are built by scripts/setup-tfjs.sh, as on a developer's machine: the addon of
# @tensorflow/tfjs-node(-gpu)@4.22.0 compiled against libtensorflow 2.21.0 from the PyPI wheel
# (tensorflow-cpu / tensorflow), never the package's install script (libtensorflow 2.9.1 from a website,
# CUDA 11.2). The package itself is added here with --no-save --ignore-scripts (the lockfile stays
# CPU-only), so setup-tfjs.sh finds it and only builds.
FROM prod-deps AS native-base
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3-pip unzip \
 && rm -rf /var/lib/apt/lists/*
COPY scripts/env.sh scripts/setup-tfjs.sh scripts/

# `--cuda` also unpacks the CUDA 12 runtime wheels (nvidia-*-cu12: cuDNN 9, cuBLAS, … as
# tensorflow[and-cuda] 2.21.0 pins them) next to libtensorflow, where its RUNPATH looks for them.
FROM native-base AS native-gpu
# The runtime's CMD (exec form) sources no cuda-env.sh, so every library of every nvidia/*/lib is
# linked into one folder with a fixed name: LD_LIBRARY_PATH below is then one path that cannot
# drift from the wheel list in setup-tfjs.sh.
RUN npm install --no-save --omit=dev --ignore-scripts --no-audit --no-fund \
      --workspace @kiago/gpu-worker @tensorflow/tfjs-node-gpu@4.22.0 \
 && bash scripts/setup-tfjs.sh --gpu --cuda \
 && cd .tools/libtensorflow-gpu-2.21.0 \
 && mkdir cuda-lib \
 && for lib in nvidia/*/lib/*.so*; do ln -sf "../$lib" cuda-lib/; done \
 && test -e cuda-lib/libcudnn.so.9 && test -e cuda-lib/libcublas.so.12 \
 && cd /app \
 && rm -rf .tools/wheels .tools/libtensorflow-gpu-2.21.0/include \
 && npm cache clean --force

FROM native-base AS native-cpu
RUN npm install --no-save --omit=dev --ignore-scripts --no-audit --no-fund \
      --workspace @kiago/gpu-worker @tensorflow/tfjs-node@4.22.0 \
 && bash scripts/setup-tfjs.sh \
 && rm -rf .tools/wheels .tools/libtensorflow-2.21.0/include \
 && npm cache clean --force

FROM node:24.21.0-bookworm-slim AS cpu
LABEL org.opencontainers.image.title="kiago-gpu-worker-cpu" \
      org.opencontainers.image.description="KIAGO optimiser worker, CPU TensorFlow backend" \
      org.opencontainers.image.licenses="MIT"
WORKDIR /app
ENV NODE_ENV=production \
    KIAGO_HEALTH_PORT=9090 \
    KIAGO_TF_BACKEND=node \
    KIAGO_GPU_SLOTS=1
COPY --from=native-cpu /app/node_modules ./node_modules
# The addon's deps/lib is a link to this folder: same absolute path as where it was built.
COPY --from=native-cpu /app/.tools/libtensorflow-2.21.0/lib ./.tools/libtensorflow-2.21.0/lib
COPY --from=build /out ./
USER 1000:1000
EXPOSE 9090
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.KIAGO_HEALTH_PORT || 9090) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "services/gpu-worker/dist/worker.js"]

# Default target (last stage). No CUDA base image: the CUDA 12 libraries come from the wheels above, and
# the NVIDIA container toolkit mounts the host driver (libcuda.so.1) because of NVIDIA_* below.
# Debian 12's glibc 2.36 covers the wheels' manylinux_2_27.
FROM node:24.21.0-bookworm-slim AS gpu
LABEL org.opencontainers.image.title="kiago-gpu-worker" \
      org.opencontainers.image.description="KIAGO optimiser worker, CUDA 12 TensorFlow 2.21 backend" \
      org.opencontainers.image.licenses="MIT"
WORKDIR /app
ENV NODE_ENV=production \
    HOME=/tmp \
    KIAGO_HEALTH_PORT=9090 \
    KIAGO_TF_BACKEND=node-gpu \
    KIAGO_GPU_SLOTS=1 \
    NVIDIA_VISIBLE_DEVICES=all \
    NVIDIA_DRIVER_CAPABILITIES=compute,utility \
    LD_LIBRARY_PATH=/app/.tools/libtensorflow-gpu-2.21.0/cuda-lib
COPY --from=native-gpu /app/node_modules ./node_modules
# lib/ (the addon's deps/lib links here, by absolute path), nvidia/ (CUDA 12, ≈ 4.5 GB) and cuda-lib/.
COPY --from=native-gpu /app/.tools/libtensorflow-gpu-2.21.0 ./.tools/libtensorflow-gpu-2.21.0
COPY --from=build /out ./
USER 1000:1000
EXPOSE 9090
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.KIAGO_HEALTH_PORT || 9090) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "services/gpu-worker/dist/worker.js"]

# syntax=docker/dockerfile:1.7
# kiago gpu-worker: TensorFlow.js models and the KIAGO optimiser (task queue kiago-gpu).
# Two final targets, built from the repository root:
#   docker build -f docker/gpu-worker.Dockerfile --target gpu -t <registry>/kiago-gpu-worker:<version> .
#   docker build -f docker/gpu-worker.Dockerfile --target cpu -t <registry>/kiago-gpu-worker:<version>-cpu .
# `gpu` runs on the CUDA 11.2 / cuDNN 8 runtime that @tensorflow/tfjs-node-gpu 4.22 (libtensorflow 2.9.1)
# was built against; `cpu` (dev clusters, no GPU) uses @tensorflow/tfjs-node. Each native backend is
# installed here, at build time, by the package's own install script (libtensorflow + prebuilt addon).

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

# The full (non-slim) image carries python3, make and g++ in case node-pre-gyp has to compile the CPU addon.
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

# Same Ubuntu 20.04 / glibc as the `gpu` runtime, so an addon compiled here (when node-pre-gyp finds no
# prebuilt one) also loads there; the devel image carries the CUDA headers and a compiler.
FROM nvidia/cuda:11.2.2-cudnn8-devel-ubuntu20.04 AS native-gpu
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /usr/local/bin/node /usr/local/bin/node
COPY --from=build /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/npm
RUN ln -s /usr/local/lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm
WORKDIR /app
COPY --from=prod-deps /app ./
RUN npm install --no-save --omit=dev --ignore-scripts --no-audit --no-fund \
      --workspace @kiago/gpu-worker @tensorflow/tfjs-node-gpu@4.22.0 \
 && npm run install --prefix node_modules/@tensorflow/tfjs-node-gpu \
 && npm cache clean --force

FROM prod-deps AS native-cpu
RUN npm install --no-save --omit=dev --ignore-scripts --no-audit --no-fund \
      --workspace @kiago/gpu-worker @tensorflow/tfjs-node@4.22.0 \
 && npm run install --prefix node_modules/@tensorflow/tfjs-node \
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
COPY --from=build /out ./
USER 1000:1000
EXPOSE 9090
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.KIAGO_HEALTH_PORT || 9090) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "services/gpu-worker/dist/worker.js"]

# Default target (last stage).
FROM nvidia/cuda:11.2.2-cudnn8-runtime-ubuntu20.04 AS gpu
LABEL org.opencontainers.image.title="kiago-gpu-worker" \
      org.opencontainers.image.description="KIAGO optimiser worker, CUDA TensorFlow backend" \
      org.opencontainers.image.licenses="MIT"
# The official Node binary needs only glibc >= 2.28 (Ubuntu 20.04 has 2.31).
COPY --from=build /usr/local/bin/node /usr/local/bin/node
WORKDIR /app
ENV NODE_ENV=production \
    HOME=/tmp \
    KIAGO_HEALTH_PORT=9090 \
    KIAGO_TF_BACKEND=node-gpu \
    KIAGO_GPU_SLOTS=1 \
    NVIDIA_VISIBLE_DEVICES=all \
    NVIDIA_DRIVER_CAPABILITIES=compute,utility
COPY --from=native-gpu /app/node_modules ./node_modules
COPY --from=build /out ./
# No `node` user in the CUDA image: a numeric uid needs no /etc/passwd entry.
USER 1000:1000
EXPOSE 9090
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.KIAGO_HEALTH_PORT || 9090) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "services/gpu-worker/dist/worker.js"]

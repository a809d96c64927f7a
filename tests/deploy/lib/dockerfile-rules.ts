import { DockerfileParser, type Instruction } from 'dockerfile-ast';

interface Stage {
  name: string | null;
  /** `FROM` image as written (may name an earlier stage). */
  from: string;
  instructions: Instruction[];
}

export interface DockerfileExpectations {
  /** The final (default) target's CMD, per the process contract. */
  command: readonly string[];
  /** Further targets that must satisfy the runtime rules too (e.g. the gpu-worker's `cpu`). */
  extraRuntimeTargets?: readonly string[];
}

function stagesOf(text: string): Stage[] {
  const dockerfile = DockerfileParser.parse(text);
  const stages: Stage[] = [];
  for (const instruction of dockerfile.getInstructions()) {
    if (instruction.getKeyword() === 'FROM') {
      const from = instruction.getArguments()[0]?.getValue() ?? '';
      const as = instruction.getArguments().findIndex((a) => a.getValue().toUpperCase() === 'AS');
      const name = as >= 0 ? (instruction.getArguments()[as + 1]?.getValue() ?? null) : null;
      stages.push({ name, from, instructions: [] });
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return stages;
}

const args = (i: Instruction) => i.getArgumentsContent() ?? '';
// Flags such as COPY --from= are not part of the arguments; the full text has them.
const text = (i: Instruction) => i.getTextContent();

/**
 * Static checks in the spirit of hadolint, runnable without a Docker engine: pinned base images, a
 * numeric non-root USER, exec-form CMD matching the process contract, production dependencies from
 * `npm ci --omit=dev`, no remote ADD or piped installers, no secrets baked into ENV, a HEALTHCHECK.
 */
export function dockerfileViolations(text: string, expect: DockerfileExpectations): string[] {
  const stages = stagesOf(text);
  const v: string[] = [];
  const stageNames = new Set(stages.map((s) => s.name).filter((n): n is string => n !== null));
  for (const stage of stages) {
    const label = stage.name ?? stage.from;
    if (!stageNames.has(stage.from)) {
      const pinned = /^[\w./-]+(:[\w][\w.-]*\d[\w.-]*)?(@sha256:[a-f0-9]{64})?$/.exec(stage.from);
      if (!pinned || (!pinned[1] && !pinned[2]) || /:latest(@|$)/.test(stage.from)) {
        v.push(`stage ${label}: base image ${stage.from} must be pinned to a version tag or digest`);
      }
    }
    for (const instruction of stage.instructions) {
      const keyword = instruction.getKeyword();
      const content = args(instruction);
      if (keyword === 'ADD' && /https?:\/\//.test(content))
        v.push(`stage ${label}: ADD from a URL; fetch in a RUN with checksum instead`);
      if (keyword === 'RUN' && /(curl|wget)[^|]*\|\s*(ba)?sh/.test(content))
        v.push(`stage ${label}: piping a download into a shell`);
      if (keyword === 'RUN' && /\bnpm (i|install)\b/.test(content) && !/--no-save/.test(content)) {
        v.push(`stage ${label}: use npm ci (lockfile) rather than npm install`);
      }
      if (keyword === 'RUN' && /apt-get install/.test(content) && !/--no-install-recommends/.test(content)) {
        v.push(`stage ${label}: apt-get install without --no-install-recommends`);
      }
      if (keyword === 'ENV' && /\b(\w*(TOKEN|PASSWORD|SECRET)\w*|DATABASE_URL)=/.test(content)) {
        v.push(`stage ${label}: credentials must not be baked into ENV`);
      }
      if (keyword === 'WORKDIR' && !content.startsWith('/'))
        v.push(`stage ${label}: WORKDIR must be absolute`);
    }
  }
  const final = stages.at(-1);
  const runtimes = [
    final,
    ...(expect.extraRuntimeTargets ?? []).map((name) => stages.find((s) => s.name === name)),
  ];
  for (const stage of runtimes) {
    if (!stage) {
      v.push('missing runtime stage');
      continue;
    }
    v.push(...runtimeStageViolations(stage, stages, expect));
  }
  return v;
}

function runtimeStageViolations(
  stage: Stage,
  stages: readonly Stage[],
  expect: DockerfileExpectations,
): string[] {
  const label = stage.name ?? stage.from;
  const v: string[] = [];
  const last = (keyword: string) => stage.instructions.filter((i) => i.getKeyword() === keyword).at(-1);
  const user = last('USER');
  const uid = user ? args(user).split(':')[0] : undefined;
  if (!uid || !/^\d+$/.test(uid) || uid === '0')
    v.push(`stage ${label}: must end with USER <numeric non-zero uid>`);
  const cmd = last('CMD');
  const cmdText = cmd ? args(cmd) : '';
  if (!cmdText.startsWith('[')) v.push(`stage ${label}: CMD must use the exec (JSON) form`);
  else if (JSON.stringify(JSON.parse(cmdText)) !== JSON.stringify(expect.command)) {
    v.push(`stage ${label}: CMD ${cmdText} must be ${JSON.stringify(expect.command)}`);
  }
  if (!last('HEALTHCHECK'))
    v.push(`stage ${label}: needs a HEALTHCHECK (docker/compose runs; Kubernetes uses its probes)`);
  if (stage.instructions.some((i) => i.getKeyword() === 'RUN' && /\bnpm\b/.test(args(i)))) {
    v.push(`stage ${label}: no npm in the runtime stage; copy node_modules from a build stage`);
  }
  const modulesFrom = stage.instructions
    .filter((i) => i.getKeyword() === 'COPY' && /node_modules/.test(args(i)))
    .map((i) => /--from=(\S+)/.exec(text(i))?.[1]);
  if (modulesFrom.length === 0) v.push(`stage ${label}: copies no node_modules`);
  for (const source of modulesFrom) {
    if (
      !ancestry(source, stages).some((s) => s.instructions.some((i) => /npm ci\b.*--omit=dev/s.test(args(i))))
    ) {
      v.push(`stage ${label}: node_modules must come from a stage that ran npm ci --omit=dev`);
    }
  }
  return v;
}

/** The stage and every stage it derives from: its FROM parent and the sources of its COPY --from. */
function ancestry(name: string | undefined, stages: readonly Stage[]): Stage[] {
  const chain: Stage[] = [];
  const pending = [name];
  while (pending.length > 0) {
    const next = pending.pop();
    const current = stages.find((s) => s.name === next);
    if (!current || chain.includes(current)) continue;
    chain.push(current);
    pending.push(current.from);
    for (const i of current.instructions) {
      if (i.getKeyword() === 'COPY') pending.push(/--from=(\S+)/.exec(text(i))?.[1]);
    }
  }
  return chain;
}

export const DOCKERFILES: Record<string, DockerfileExpectations> = {
  'docker/orchestrator.Dockerfile': { command: ['node', 'services/orchestrator/dist/worker.js'] },
  'docker/screening.Dockerfile': { command: ['node', 'services/screening-worker/dist/worker.js'] },
  'docker/gpu-worker.Dockerfile': {
    command: ['node', 'services/gpu-worker/dist/worker.js'],
    extraRuntimeTargets: ['cpu'],
  },
};

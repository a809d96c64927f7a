import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ShardMethodChoice } from '@kiago/optimiser';
import { loadCampaignSpec } from '@kiago/shared';
import type { ReproductionScale } from './scales.ts';

export const EXPERIMENTS = ['table1', 'table2', 'fig3', 'substitution', 'hydride', 'outside'] as const;
export type Experiment = (typeof EXPERIMENTS)[number];

/**
 * Well-known superconductors in none of the paper's tables (examples/paper), one per family the
 * paper's bases do not pin down: MgB2 (39 K, the highest-Tc conventional BCS compound), Nb3Sn (18 K,
 * the A15 magnet wire), YBa2Cu3O7 (92 K, the first cuprate above 77 K) and Ba0.6K0.4Fe2As2 (38 K,
 * the hole-doped 122 pnictide).
 */
export const OUTSIDE_BASES = ['MgB2', 'Nb3Sn', 'YBa2Cu3O7', 'Ba0.6K0.4Fe2As2'] as const;

/** The paper's Fig. 3: random starts of 4 or 7 elements at lr 0.001, first stage only. */
export const FIG3_ELEMENT_COUNTS = [4, 7] as const;
export const FIG3_LEARNING_RATE = 0.001;

/** One (experiment, base, method, seed) run: everything a worker needs, and its result file's name. */
export interface WorkUnit {
  id: string;
  experiment: Experiment;
  /** Campaign spec, relative to the repository root, and fields replaced on it. */
  specFile: string;
  specOverrides: Record<string, unknown>;
  base: string;
  /** Position of the base in its spec (the shard index: distinct random streams per base). */
  shardIndex: number;
  seed: number;
  method: ShardMethodChoice;
  /** Table 1: Nset = {1..M} for KIAGO and rule rounding at M. */
  maxAtoms: number | null;
  candidates: number;
  steps: number;
}

/** The method as the report names it (Fig. 3's variants carry their element count). */
export function methodLabel(method: ShardMethodChoice): string {
  return method.kind === 'random-init-first-stage' ? `${method.kind}-${method.elementCount}` : method.kind;
}

/** Every unit of `experiments` at `scale`, in a stable order. */
export async function planUnits(
  root: string,
  scale: ReproductionScale,
  experiments: readonly Experiment[],
): Promise<WorkUnit[]> {
  const normalFile = 'examples/paper/normal.yaml';
  const normal = await loadCampaignSpec(join(root, normalFile));
  const hydrideFile = 'examples/paper/hydride.yaml';
  const hydride = await loadCampaignSpec(join(root, hydrideFile));
  const limit = <T>(items: readonly T[]) => items.slice(0, scale.basesPerSection ?? items.length);
  const kiagoAndCes: ShardMethodChoice[] = [{ kind: 'kiago' }, { kind: 'c-es' }];
  const groups: Omit<WorkUnit, 'id' | 'seed' | 'candidates' | 'steps'>[] = [];
  const add = (
    experiment: Experiment,
    specFile: string,
    bases: readonly string[],
    methods: readonly ShardMethodChoice[],
    extra: { specOverrides?: Record<string, unknown>; maxAtoms?: number; allBases?: readonly string[] } = {},
  ) => {
    for (const base of bases)
      for (const method of methods)
        groups.push({
          experiment,
          specFile,
          specOverrides: extra.specOverrides ?? {},
          base,
          shardIndex: (extra.allBases ?? bases).indexOf(base),
          method,
          maxAtoms: extra.maxAtoms ?? null,
        });
  };
  if (experiments.includes('table1'))
    for (const m of scale.maxAtoms)
      add('table1', normalFile, normal.bases.slice(0, scale.table1Bases), [{ kind: 'kiago' }], {
        specOverrides: { nUnits: { min: 1, max: m } },
        maxAtoms: m,
        allBases: normal.bases,
      });
  if (experiments.includes('table2'))
    add(
      'table2',
      normalFile,
      limit(normal.bases),
      [...kiagoAndCes, ...(scale.oursRandomInit ? [{ kind: 'kiago-random-init' } as const] : [])],
      { allBases: normal.bases },
    );
  if (experiments.includes('fig3'))
    add(
      'fig3',
      normalFile,
      normal.bases.slice(0, 1),
      FIG3_ELEMENT_COUNTS.map((elementCount) => ({
        kind: 'random-init-first-stage' as const,
        elementCount,
        learningRate: FIG3_LEARNING_RATE,
      })),
    );
  if (experiments.includes('substitution'))
    for (const file of limit(await substitutionSpecFiles(root)))
      add('substitution', file, (await loadCampaignSpec(join(root, file))).bases.slice(0, 1), kiagoAndCes);
  if (experiments.includes('hydride'))
    add('hydride', hydrideFile, limit(hydride.bases), kiagoAndCes, { allBases: hydride.bases });
  if (experiments.includes('outside'))
    add('outside', normalFile, limit(OUTSIDE_BASES), kiagoAndCes, {
      specOverrides: { bases: [...OUTSIDE_BASES] },
    });
  return groups.flatMap((group) =>
    Array.from({ length: scale.seeds }, (_, seed) => ({
      ...group,
      id: [
        group.experiment,
        group.base,
        methodLabel(group.method),
        group.maxAtoms ? `M${group.maxAtoms}` : '',
        `s${seed}`,
      ]
        .filter(Boolean)
        .join('__'),
      seed,
      candidates: scale.candidates,
      steps: scale.steps,
    })),
  );
}

/** The substitution specs in the paper's order (each file says "k/11"), relative to the root. */
async function substitutionSpecFiles(root: string): Promise<string[]> {
  const dir = 'examples/paper/substitution';
  const files = (await readdir(join(root, dir))).filter((name) => name.endsWith('.yaml'));
  const ordered = await Promise.all(
    files.map(async (name) => {
      const text = await readFile(join(root, dir, name), 'utf8');
      return { order: Number(/substitution (\d+)\/11/.exec(text)?.[1] ?? 99), file: `${dir}/${name}` };
    }),
  );
  return ordered.sort((a, b) => a.order - b.order).map((entry) => entry.file);
}

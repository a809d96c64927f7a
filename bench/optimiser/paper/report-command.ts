import { type ReproductionScale, SCALES } from './scales.ts';

/**
 * The exact command that rewrites a report from its unit files: the preset's name plus every
 * override the run used, and the unit folder when it is not the preset's default. Without them the
 * command would read another run's units (a `cpu` run with --candidates 256 is not the `cpu` preset).
 */
export function reportCommand(scale: ReproductionScale, outDir: string): string {
  const preset: ReproductionScale | undefined = SCALES[scale.name as keyof typeof SCALES];
  const overrides = (['candidates', 'steps', 'seeds'] as const)
    .filter((key) => preset === undefined || scale[key] !== preset[key])
    .map((key) => `--${key} ${scale[key]}`);
  const folder = outDir === `bench-results/reproduction/${scale.name}` ? [] : [`--out-dir ${outDir}`];
  return [
    'node bench/optimiser/reproduce-paper.ts',
    `--scale ${scale.name}`,
    ...overrides,
    ...folder,
    '--report-only',
  ].join(' ');
}

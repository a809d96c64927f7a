import {
  bold,
  type ClaimLine,
  compareSeeds,
  type ExperimentResults,
  meanSd,
  verdictCell,
} from './aggregate.ts';
import type { Section } from './report-normal.ts';
import { FIG3_ELEMENT_COUNTS, FIG3_LEARNING_RATE } from './units.ts';
import { summarise, tallyVerdicts, type Verdict } from './verdict.ts';

const tally = (claim: string, verdicts: Verdict[], noun: string): ClaimLine => {
  const t = tallyVerdicts(verdicts);
  return {
    claim,
    verdict: t.verdict,
    detail: `agrees on ${t.agrees} of ${verdicts.length} ${noun}, fails on ${t.fails}, inconclusive on ${t.inconclusive}`,
  };
};
const valid = (r: ExperimentResults, base: string, method: string) =>
  r.unavailable(base, method)
    ? 'n/a¹'
    : `${meanSd(r.values(base, method, 'valid'), 0)} / ${meanSd(r.values(base, method, 'unique'), 0)}`;

/**
 * The paper's Fig. 3 experiment: random starts, first stage only. Compared with KIAGO's first
 * stage from the paper's bases (Table 1's runs: per seed, the mean over bases of Tc at T/2).
 */
export function fig3Section(results: ExperimentResults, table1: ExperimentResults | null): Section {
  const base = results.bases()[0] ?? '';
  const firstM = table1?.units.find((u) => u.maxAtoms !== null)?.maxAtoms ?? null;
  const fromBases = table1
    ? [...new Set(table1.units.map((u) => u.seed))].map(
        (seed) =>
          summarise(
            table1.units
              .filter((u) => u.seed === seed && u.maxAtoms === firstM)
              .map((u) => u.metrics.tcFirstStageKelvin ?? Number.NaN),
          ).mean,
      )
    : [];
  const lines = [
    `Random starts of 4 or 7 elements with random fractions, Adam at lr ${FIG3_LEARNING_RATE}, first stage only (β = 0, no M_max, stop at T/2). ` +
      `Right column: KIAGO's own first stage from the paper's bases (Table 1's runs, lr 0.03, mean over ${table1?.bases().length ?? 0} bases per seed: ${meanSd(fromBases)} K).`,
    '',
    '| random elements | mean Tc after step 1 (K) | mean Tc at T/2 (K) | best Tc at T/2 (K) | valid / distinct (integer-loss N*) | below KIAGO-from-bases at T/2 |',
    '|---|---|---|---|---|---|',
  ];
  const verdicts: Verdict[] = [];
  for (const count of FIG3_ELEMENT_COUNTS) {
    const method = `random-init-first-stage-${count}`;
    const atHalf = results.values(base, method, 'meanTcContinuousKelvin');
    const comparison = compareSeeds(atHalf, fromBases, 'less');
    verdicts.push(comparison.verdict);
    lines.push(
      `| ${count} | ${meanSd(results.values(base, method, 'tcAfterFirstStepKelvin'))} | ${meanSd(atHalf)} | ` +
        `${meanSd(results.values(base, method, 'bestTcContinuousKelvin'))} | ${valid(results, base, method)} | ${verdictCell(comparison)} |`,
    );
  }
  const claim = tally(
    'Fig. 3: random starts end the first stage below starts from known superconductors',
    verdicts,
    'element counts',
  );
  lines.push('', `- ${claim.claim}: ${bold(claim.verdict)} — ${claim.detail}.`);
  return { markdown: lines.join('\n'), claims: [claim] };
}

/** KIAGO against C-ES on one score per base (Tables 5–7, 9, the outside bases). */
export function versusCesSection(
  results: ExperimentResults,
  options: {
    claim: string;
    metric: string;
    label: string;
    rates?: readonly { metric: string; label: string }[];
    targets?: ReadonlyMap<string, string>;
  },
): Section {
  const rates = options.rates ?? [];
  const rateHeads = rates.flatMap((r) => [`KIAGO ${r.label}`, `C-ES ${r.label}`]);
  const lines = [
    `| base |${options.targets ? ' replaced |' : ''} base Tc (pred., K) | ${rateHeads.map((h) => `${h} |`).join(' ')} KIAGO ${options.label} | C-ES ${options.label} | KIAGO > C-ES | KIAGO valid / distinct | C-ES valid / distinct |`,
    `|---|${options.targets ? '---|' : ''}---|${rateHeads.map(() => '---|').join('')}---|---|---|---|---|`,
  ];
  const verdicts: Verdict[] = [];
  for (const base of results.bases()) {
    const kiago = results.values(base, 'kiago', options.metric);
    const noCes = results.unavailable(base, 'c-es') !== null;
    const comparison = compareSeeds(kiago, results.values(base, 'c-es', options.metric), 'greater');
    if (!noCes) verdicts.push(comparison.verdict);
    const rate = (method: string, metric: string) =>
      method === 'c-es' && noCes
        ? 'n/a¹'
        : `${meanSd(results.values(base, method, metric), 2)} / ${meanSd(results.values(base, method, `perCandidate.${metric}`), 2)}`;
    const cells = [
      base,
      ...(options.targets ? [options.targets.get(base) ?? ''] : []),
      summarise(results.values(base, 'kiago', 'baseTcKelvin')).mean.toFixed(1),
      ...rates.flatMap((r) => [rate('kiago', r.metric), rate('c-es', r.metric)]),
      meanSd(kiago),
      noCes ? 'n/a¹' : meanSd(results.values(base, 'c-es', options.metric)),
      noCes ? '—' : verdictCell(comparison),
      valid(results, base, 'kiago'),
      valid(results, base, 'c-es'),
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  const claim = tally(options.claim, verdicts, 'bases');
  lines.push('', `- ${claim.claim}: ${bold(claim.verdict)} — ${claim.detail}.`);
  return { markdown: lines.join('\n'), claims: [claim] };
}

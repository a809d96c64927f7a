import {
  bold,
  type ClaimLine,
  compareSeeds,
  type ExperimentResults,
  meanSd,
  verdictCell,
} from './aggregate.ts';
import { summarise, tallyVerdicts, type Verdict } from './verdict.ts';

export interface Section {
  markdown: string;
  claims: ClaimLine[];
}

const tallyText = (verdicts: Verdict[], noun: string) => {
  const t = tallyVerdicts(verdicts);
  return {
    verdict: t.verdict,
    detail: `agrees on ${t.agrees} of ${verdicts.length} ${noun}, fails on ${t.fails}, inconclusive on ${t.inconclusive}`,
  };
};
const validCell = (
  results: ExperimentResults,
  base: string,
  method: string,
  maxAtoms: number | null = null,
) =>
  `${meanSd(results.values(base, method, 'valid', maxAtoms), 0)} / ${meanSd(results.values(base, method, 'unique', maxAtoms), 0)}`;

/** Table 1 on the paper's protocol: Tc drop from the T/2 composition, KIAGO's stage 2 vs rule rounding. */
export function table1Section(results: ExperimentResults, maxAtoms: readonly number[]): Section {
  const lines = [
    '| base | M | Tc at T/2 (K) | KIAGO drop over stage 2 (K) | rule-rounding drop (K) | KIAGO drop < rule drop | KIAGO valid / distinct | rule valid / distinct |',
    '|---|---|---|---|---|---|---|---|',
  ];
  const verdicts = new Map<number, Verdict[]>(maxAtoms.map((m) => [m, []]));
  let sameStart = true;
  for (const base of results.bases()) {
    const starts = maxAtoms.map((m) => results.values(base, 'kiago', 'tcFirstStageKelvin', m));
    sameStart &&= starts.every(
      (s) => s.length === starts[0]!.length && s.every((v, i) => v === starts[0]![i]),
    );
    for (const m of maxAtoms) {
      const kiago = results.values(base, 'kiago', 'kiagoDropKelvin', m);
      const rule = results.values(base, 'kiago', 'ruleDropKelvin', m);
      if (kiago.length === 0) continue;
      const comparison = compareSeeds(kiago, rule, 'less');
      verdicts.get(m)!.push(comparison.verdict);
      lines.push(
        `| ${base} | ${m} | ${meanSd(results.values(base, 'kiago', 'tcFirstStageKelvin', m))} | ${meanSd(kiago, 2)} | ` +
          `${meanSd(rule, 2)} | ${verdictCell(comparison)} | ${validCell(results, base, 'kiago', m)} | ` +
          `${meanSd(results.values(base, 'kiago', 'rule.valid', m), 0)} / ${meanSd(results.values(base, 'kiago', 'rule.unique', m), 0)} |`,
      );
    }
  }
  const all = [...verdicts.values()].flat();
  const overall = tallyText(all, '(base, M) settings');
  lines.push(
    '',
    ...maxAtoms.map(
      (m) =>
        `- M = ${m}: ${bold(tallyText(verdicts.get(m)!, 'bases').verdict)} — ${tallyText(verdicts.get(m)!, 'bases').detail}.`,
    ),
    `- Every M of a (base, seed) starts stage 2 from the same T/2 composition (same Tc at T/2): ${sameStart ? 'yes' : '**no**'}.`,
  );
  return {
    markdown: lines.join('\n'),
    claims: [
      {
        claim:
          'Table 1: the integer loss loses less Tc over the second stage than rule rounding of the T/2 composition',
        ...overall,
      },
    ],
  };
}

/** Table 2: KIAGO against C-ES (and our random-initialisation variant when it ran), top-30 ΔTc. */
export function table2Section(
  results: ExperimentResults,
  others: readonly { method: string; label: string; claim: string }[],
): Section {
  const methods = [{ method: 'kiago', label: 'KIAGO' }, ...others];
  const lines = [
    `| base | base Tc (pred., K) | KIAGO top-30 ΔTc | ${others.map((o) => `${o.label} top-30 ΔTc | KIAGO > ${o.label}`).join(' | ')} | ` +
      `${methods.map((m) => `${m.label} valid (per formula / per candidate) | ${m.label} valid / distinct`).join(' | ')} |`,
    `|---|---|---|${others.map(() => '---|---|').join('')}${methods.map(() => '---|---|').join('')}`,
  ];
  const verdicts = new Map<string, Verdict[]>(others.map((o) => [o.method, []]));
  for (const base of results.bases()) {
    const kiago = results.values(base, 'kiago', 'top30DeltaTcKelvin');
    const cells = others.map((o) => {
      if (results.unavailable(base, o.method)) return 'n/a¹ | —';
      const comparison = compareSeeds(kiago, results.values(base, o.method, 'top30DeltaTcKelvin'), 'greater');
      verdicts.get(o.method)!.push(comparison.verdict);
      return `${meanSd(results.values(base, o.method, 'top30DeltaTcKelvin'))} | ${verdictCell(comparison)}`;
    });
    const rates = methods.map(({ method }) =>
      results.unavailable(base, method)
        ? 'n/a¹ | n/a¹'
        : `${meanSd(results.values(base, method, 'validRate'), 2)} / ${meanSd(results.values(base, method, 'perCandidate.validRate'), 2)} | ` +
          validCell(results, base, method),
    );
    const baseTc = summarise(results.values(base, 'kiago', 'baseTcKelvin')).mean;
    lines.push(
      `| ${base} | ${baseTc.toFixed(1)} | ${meanSd(kiago)} | ${cells.join(' | ')} | ${rates.join(' | ')} |`,
    );
  }
  const claims = others.map((o) => ({ claim: o.claim, ...tallyText(verdicts.get(o.method)!, 'bases') }));
  lines.push('', ...claims.map((c) => `- ${c.claim}: ${bold(c.verdict)} — ${c.detail}.`));
  return { markdown: lines.join('\n'), claims };
}

import type { FunnelStage } from '../report-data.js';

const percent = (part: number, whole: number) => (whole > 0 ? `${((100 * part) / whole).toFixed(1)} %` : '–');

/**
 * One funnel stage as rates per candidate and per distinct formula, e.g. "Ef < 0: 264 of 480
 * candidates (55.0 %), 7 of 9 distinct formulas (77.8 %)". Either rate alone misleads: many
 * candidates can collapse onto one formula, and one formula can stand for many candidates.
 */
export function stageRates(stage: FunnelStage, generated: FunnelStage): string {
  return (
    `${stage.label}: ${stage.count.toLocaleString('en')} of ${generated.count.toLocaleString('en')} candidates ` +
    `(${percent(stage.count, generated.count)}), ${stage.distinctFormulas.toLocaleString('en')} of ` +
    `${generated.distinctFormulas.toLocaleString('en')} distinct formulas (${percent(stage.distinctFormulas, generated.distinctFormulas)})`
  );
}

/** Every stage after `generated`, one line each. */
export function funnelRateLines(stages: readonly FunnelStage[]): string[] {
  const [generated, ...rest] = stages;
  return generated ? rest.map((stage) => stageRates(stage, generated)) : [];
}

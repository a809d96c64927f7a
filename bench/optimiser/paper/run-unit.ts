import { join } from 'node:path';
import {
  roundShardByRule,
  runShardMethod,
  type ShardModels,
  type ShardResult,
  SubstitutionBaselineError,
} from '@kiago/optimiser';
import { type CampaignSpec, campaignSpecSchema, loadCampaignSpec } from '@kiago/shared';
import { type ShardScore, scoreShard } from './evaluate.ts';
import type { UnitResult } from './unit-result.ts';
import { methodLabel, type WorkUnit } from './units.ts';

/** Runs one unit on `models` and reduces it to the numbers the report needs. */
export async function runUnit(unit: WorkUnit, models: ShardModels, root: string): Promise<UnitResult> {
  const loaded = await loadCampaignSpec(join(root, unit.specFile));
  const spec = campaignSpecSchema.parse({ ...loaded, ...unit.specOverrides });
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const elapsed = () => {
    const cpu = process.cpuUsage(cpuStarted);
    return { seconds: (performance.now() - started) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
  };
  const head = {
    id: unit.id,
    experiment: unit.experiment,
    base: unit.base,
    method: methodLabel(unit.method),
    seed: unit.seed,
    maxAtoms: unit.maxAtoms,
    candidates: unit.candidates,
    steps: unit.steps,
  };
  let result: ShardResult;
  try {
    result = await runShardMethod(unit.method, {
      spec,
      base: unit.base,
      seed: unit.seed,
      shardIndex: unit.shardIndex,
      models,
      candidates: unit.candidates,
      steps: unit.steps,
    });
  } catch (error) {
    if (!(error instanceof SubstitutionBaselineError)) throw error;
    return { ...head, ...elapsed(), unavailable: error.message, metrics: {}, notes: [] };
  }
  const score = scoreShard(result, spec);
  const metrics: Record<string, number> = { ...scoreMetrics(score) };
  if (unit.experiment === 'table1' && unit.maxAtoms !== null)
    Object.assign(metrics, secondStageMetrics(result, unit.maxAtoms, spec, models));
  if (unit.experiment === 'fig3') {
    metrics.tcAfterFirstStepKelvin = result.trajectory.meanTcKelvin[0] ?? Number.NaN;
    metrics.bestTcContinuousKelvin = Math.max(...result.candidates.map((c) => c.tcContinuousKelvin));
  }
  const notes = score.hydrideConstraintFailures.map((formula) => `breaks a hydride limit: ${formula}`);
  return { ...head, ...elapsed(), unavailable: null, metrics, notes };
}

function scoreMetrics(score: ShardScore): Record<string, number> {
  const { method, base, hydrideConstraintFailures, perCandidate, ...numbers } = score;
  return {
    ...numbers,
    ...Object.fromEntries(Object.entries(perCandidate).map(([key, value]) => [`perCandidate.${key}`, value])),
  };
}

/**
 * The paper's Table 1 protocol: from the composition at T/2 (end of the first stage), the Tc drop
 * across KIAGO's second stage to its integer formula, against rule rounding of that same T/2
 * composition at M atoms with no further steps. Means over the candidates where all three Tc exist.
 */
export function secondStageMetrics(
  kiago: ShardResult,
  maxAtoms: number,
  spec: CampaignSpec,
  models: ShardModels,
): Record<string, number> {
  const rule = roundShardByRule(kiago, maxAtoms, models, { from: 'first-stage' });
  const atHalf: number[] = [];
  const kiagoInteger: number[] = [];
  const kiagoContinuous: number[] = [];
  const ruleInteger: number[] = [];
  kiago.candidates.forEach((candidate, slot) => {
    const half = rule.candidates[slot]!.tcContinuousKelvin;
    const [k, r] = [candidate.tcKelvin, rule.candidates[slot]!.tcKelvin];
    if (k === null || r === null || ![half, k, r].every(Number.isFinite)) return;
    atHalf.push(half);
    kiagoInteger.push(k);
    kiagoContinuous.push(candidate.tcContinuousKelvin);
    ruleInteger.push(r);
  });
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const ruleScore = scoreShard(rule, spec);
  return {
    tcFirstStageKelvin: mean(atHalf),
    kiagoTcFinalContinuousKelvin: mean(kiagoContinuous),
    kiagoTcIntegerKelvin: mean(kiagoInteger),
    ruleTcIntegerKelvin: mean(ruleInteger),
    kiagoDropKelvin: mean(atHalf) - mean(kiagoInteger),
    ruleDropKelvin: mean(atHalf) - mean(ruleInteger),
    comparedCandidates: atHalf.length,
    'rule.valid': ruleScore.valid,
    'rule.unique': ruleScore.unique,
    'rule.top30DeltaTcKelvin': ruleScore.top30DeltaTcKelvin,
  };
}

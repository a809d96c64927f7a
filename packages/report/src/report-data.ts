import type { RunStatus } from '@kiago/db';

/**
 * Everything the HTML report shows, gathered by buildRunReport and rendered by renderReportHtml.
 * Plain JSON (dates as ISO strings) so `kiago report --format json` prints the same numbers.
 */
export interface ReportData {
  generatedAt: string;
  run: ReportRun;
  /** The campaign spec's main settings; null when the stored spec no longer parses. */
  spec: ReportSpec | null;
  shards: {
    total: number;
    planned: number;
    running: number;
    succeeded: number;
    failed: number;
    cancelled: number;
  };
  failedShards: ReportFailedShard[];
  /** Null when the run has no candidate with a finite Tc. */
  tcHistogram: TcHistogram | null;
  trajectories: ReportTrajectories;
  funnel: PassRateFunnel;
  topCandidates: ReportTopCandidates;
  models: ReportModels;
}

/** Error measures of one group of test rows, in the model's unit. */
export interface ReportErrorMetrics {
  rows: number;
  mae: number;
  rmse: number;
  r2: number | null;
}

/** Superconductors only (measured Tc > 0), with the shares predicted above 0 K and above 1 K. */
export interface ReportSuperconductorMetrics extends ReportErrorMetrics {
  fractionPredictedAbove0K: number | null;
  fractionPredictedAbove1K: number | null;
}

/** A pinned model's held-out (test split) metrics, as its manifest records them. */
export interface ReportModelMetrics {
  version: string;
  architecture: string;
  width: number;
  unit: string;
  splitKind: string;
  overall: ReportErrorMetrics;
  /** Tc: per family, all rows and superconductors only (the latter null in manifests from before 2026-12). */
  families: {
    family: string;
    all: ReportErrorMetrics;
    superconductors: ReportSuperconductorMetrics | null;
  }[];
  superconductors: ReportSuperconductorMetrics | null;
  /** ElemNet: its elemental correction (null before 2026-12 manifests). */
  elementalCorrection: { exponent: number; maxAbsOffsetEvPerAtom: number; correctedTestMae: number } | null;
}

export interface ReportModels {
  /** Null when the stored manifest does not carry readable metrics. */
  tc: ReportModelMetrics | null;
  ef: ReportModelMetrics | null;
  /** Versions of the run's Tc ensemble members (empty: none). */
  tcEnsembleMembers: string[];
}

export interface ReportRun {
  id: string;
  status: RunStatus;
  trigger: string;
  campaignId: string;
  campaignName: string;
  workflowId: string | null;
  tcModelVersion: string;
  efModelVersion: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface ReportSpec {
  bases: string[];
  seeds: number;
  candidatesPerShard: number;
  steps: number;
  mode: string;
  maxEhullEvPerAtom: number | null;
}

export interface ReportFailedShard {
  index: number;
  baseFormula: string;
  errorType: string | null;
  lastError: string | null;
  attempts: number;
}

/** Counts of candidates per Tc bin, for the continuous and the integer (rounded) compositions. */
export interface TcHistogram {
  /** bins + 1 ascending edges in K; bin i is [edge i, edge i+1). */
  binEdgesKelvin: number[];
  continuous: number[];
  integer: number[];
  /** Candidates left out because a Tc was NaN or infinite. */
  nonFinite: number;
}

export interface ShardTrajectoryPoints {
  shardIndex: number;
  baseFormula: string;
  seed: string;
  step: number[];
  /** Null where the optimiser's statistic was not finite (stored JSON has no NaN). */
  meanTcKelvin: (number | null)[];
  bestTcKelvin: (number | null)[];
}

export interface ReportTrajectories {
  /** Shards whose progress holds a trajectory; the shown ones are those with the highest final best Tc. */
  shardsWithTrajectory: number;
  shown: ShardTrajectoryPoints[];
}

export type FunnelStageKey =
  | 'generated'
  | 'chargeNeutral'
  | 'electronegativityOk'
  | 'efNegative'
  | 'elementCountOk'
  | 'withinHull'
  | 'uniqueMaterials';

export interface FunnelStage {
  key: FunnelStageKey;
  label: string;
  /** Candidates passing this stage and every earlier one (unique materials: distinct materials among them). */
  count: number;
  /** Distinct integer formulas among those candidates (unique materials: the materials again). */
  distinctFormulas: number;
}

export interface PassRateFunnel {
  eHullThreshold: { eHullEvPerAtom: number; source: 'option' | 'spec' | 'default' };
  stages: FunnelStage[];
  /** False while no candidate of the run has a material yet (dedupe has not run). */
  deduplicated: boolean;
}

export interface ReportCandidate {
  candidateId: string;
  formula: string;
  /** The material's reduced formula (null before dedupe). */
  materialFormula: string | null;
  baseFormula: string;
  nUnits: number;
  tcKelvin: number;
  tcContinuousKelvin: number;
  tcBaseKelvin: number | null;
  deltaTcKelvin: number | null;
  efEvPerAtom: number;
  eAboveHullEvPerAtom: number | null;
  /** Every element inside the Tc model's training support. */
  inDomain: boolean;
  /** Candidates of the run that reduce to the same material (null before dedupe). */
  hitCount: number | null;
  /** The run's Tc ensemble on the integer formula (null without one). */
  tcEnsembleMeanKelvin: number | null;
  tcEnsembleSdKelvin: number | null;
}

export interface ReportTopCandidates {
  /** True when the table keeps in-domain candidates only (`kiago report --in-domain`). */
  inDomainOnly: boolean;
  /** best-per-material: one row per material (dedupe ran); candidates: raw top-Tc rows (it has not). */
  basis: 'best-per-material' | 'candidates';
  rows: ReportCandidate[];
}

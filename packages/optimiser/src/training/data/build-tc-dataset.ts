import {
  type HydrideSuperconductorRow,
  loadHydrideSuperconductors,
  loadMatbenchExptIsMetal,
  loadMpNonMetals,
  loadSuperconStanev,
  loadSuperconSuperdiff,
} from '@kiago/datasets';
import { parseOrThrow } from '@kiago/shared';
import { z } from 'zod';
import { assembleSplits, rowsOfSplit, splitsReport } from './assemble-splits.js';
import type { EncodedRows } from './encoded-rows.js';
import { selectNonSuperconductors } from './non-superconductors.js';
import {
  type DatasetBuildOptions,
  datasetBuildOptionsSchema,
  SPLIT_NAMES,
  type SplitName,
} from './split-options.js';
import { mergeSupercon } from './supercon-merge.js';
import { summariseTcRows, type TcDatasetReport } from './tc-dataset-report.js';
import { classifyTcFamily, type TcFamily } from './tc-family.js';
import type { TcRow, TcRowSource } from './tc-row.js';

/** One split for the Tc model: `x` is n × 118 atomic fractions (Z order), `y` is Tc in K. */
export interface TcSplit extends EncodedRows {
  families: TcFamily[];
  sources: TcRowSource[];
}

export interface TcDataset extends Record<SplitName, TcSplit> {
  report: TcDatasetReport;
  dataHash: string;
  splitHash: string;
}

export interface BuildTcDatasetOptions extends DatasetBuildOptions {
  /** Non-superconductors per superconductor (default 1: a balanced set). */
  nonSuperconductorRatio?: number | undefined;
}

/**
 * With L1 loss the model learns the conditional median: more zeros than superconductors in a
 * region would pull every prediction there to 0 K, fewer would hide "not a superconductor".
 */
export const DEFAULT_NON_SUPERCONDUCTOR_RATIO = 1;
/** PBE gaps below this are mostly semimetals or noise; 40k MP rows leave plenty above it. */
export const MP_MIN_BAND_GAP_EV = 0.5;
/** Part of the data hash: bump when rows, encoding or labels change meaning (v2: hydride rows). */
export const TC_DATA_FORMAT = 'kiago-tc-dataset/v2 x=fractions118 y=tcKelvin label=family,source';

const optionsSchema = datasetBuildOptionsSchema.extend({
  nonSuperconductorRatio: z
    .number({ error: 'nonSuperconductorRatio must be a number' })
    .min(0, 'nonSuperconductorRatio must be ≥ 0')
    .max(10, 'nonSuperconductorRatio must be ≤ 10')
    .default(DEFAULT_NON_SUPERCONDUCTOR_RATIO),
});

/**
 * The Tc training set: SuperCon superconductors (SuperDiff primary, Stanev's extra rows merged by
 * canonical key), the measured high-pressure hydrides, and non-superconductors at Tc = 0, split by
 * element set. See README.md.
 */
export async function buildTcDataset(options: BuildTcDatasetOptions): Promise<TcDataset> {
  const startedMs = performance.now();
  const { dataDir, ...plan } = parseOrThrow(optionsSchema, options, 'buildTcDataset options');
  const [superdiff, stanev, hydrides, exptIsMetal, mpNonMetals] = await Promise.all([
    loadSuperconSuperdiff({ dataDir }),
    loadSuperconStanev({ dataDir }),
    loadHydrideSuperconductors({ dataDir }),
    loadMatbenchExptIsMetal({ dataDir }),
    loadMpNonMetals({ dataDir }),
  ]);

  const merged = mergeSupercon(superdiff.rows, stanev.rows);
  const superconductors = [...merged.superconductors, ...hydrideRows(hydrides.rows, merged.superconductors)];
  const exptNonMetals = exptIsMetal.rows.filter((row) => !row.isMetal);
  const mpWideGap = mpNonMetals.rows.filter((row) => row.bandGapEv >= MP_MIN_BAND_GAP_EV);
  const negatives = selectNonSuperconductors(
    [
      { source: 'supercon-stanev-tc0', rows: merged.stanevTc0 },
      { source: 'matbench-expt-non-metal', rows: exptNonMetals },
      { source: 'mp-non-metal', rows: mpWideGap },
    ],
    new Set(superconductors.map((row) => row.key)),
    Math.round(plan.nonSuperconductorRatio * superconductors.length),
  );

  const assembled = assembleSplits([...superconductors, ...negatives.rows], plan, {
    target: (row) => row.tcKelvin,
    label: (row) => `${row.family}\t${row.source}`,
    formatTag: TC_DATA_FORMAT,
  });
  const report: TcDatasetReport = {
    kind: 'tc',
    dataDir,
    seed: plan.seed,
    split: plan.split,
    fractions: plan.fractions,
    loaders: [superdiff.report, stanev.report, hydrides.report, exptIsMetal.report, mpNonMetals.report],
    supercon: merged.report,
    nonSuperconductors: {
      ratio: plan.nonSuperconductorRatio,
      budget: negatives.budget,
      selected: negatives.rows.length,
      tiers: negatives.tiers,
      mpMinBandGapEv: MP_MIN_BAND_GAP_EV,
      mpBelowMinBandGap: mpNonMetals.rows.length - mpWideGap.length,
      matbenchMetalsSkipped: exptIsMetal.rows.length - exptNonMetals.length,
    },
    ...splitsReport(assembled, summariseTcRows, startedMs),
  };
  const tcSplit = (name: SplitName): TcSplit => {
    const rows = rowsOfSplit(assembled, name);
    return {
      ...assembled.splits[name],
      families: rows.map((row) => row.family),
      sources: rows.map((row) => row.source),
    };
  };
  const [train, val, test] = SPLIT_NAMES.map(tcSplit) as [TcSplit, TcSplit, TcSplit];
  return { train, val, test, report, dataHash: assembled.dataHash, splitHash: assembled.splitHash };
}

/** Measured hydrides as Tc rows; a composition SuperCon already lists keeps SuperCon's row (none today). */
function hydrideRows(hydrides: readonly HydrideSuperconductorRow[], supercon: readonly TcRow[]): TcRow[] {
  const known = new Set(supercon.map((row) => row.key));
  return hydrides
    .filter((row) => !known.has(row.key))
    .map((row) => ({
      key: row.key,
      elementSetKey: row.elementSetKey,
      composition: row.composition,
      tcKelvin: row.tcKelvin,
      family: classifyTcFamily(row.composition),
      source: 'hydride-measured',
    }));
}

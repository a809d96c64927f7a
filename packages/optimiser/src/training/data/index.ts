export {
  type BuildEfDatasetOptions,
  buildEfDataset,
  EF_DATA_FORMAT,
  type EfDataset,
} from './build-ef-dataset.js';
export {
  type BuildTcDatasetOptions,
  buildTcDataset,
  DEFAULT_NON_SUPERCONDUCTOR_RATIO,
  MP_MIN_BAND_GAP_EV,
  TC_DATA_FORMAT,
  type TcDataset,
  type TcSplit,
} from './build-tc-dataset.js';
export { groupedSplit, randomSplit, type SplitIndices } from './dataset-split.js';
export {
  type DatasetsDescription,
  DEFAULT_SPLIT_SEED,
  type DescribeDatasetsOptions,
  describeDatasets,
} from './describe-datasets.js';
export type { EfDatasetReport, EfRowsSummary } from './ef-dataset-report.js';
export { DEFAULT_EF_SOURCE, EF_SOURCE_INFO, EF_SOURCES, type EfSource } from './ef-sources.js';
export type { EncodedRows } from './encoded-rows.js';
export type { NonSuperconductorTierReport } from './non-superconductors.js';
export {
  DEFAULT_SPLIT_FRACTIONS,
  SPLIT_KINDS,
  SPLIT_NAMES,
  type SplitFractions,
  type SplitKind,
  type SplitName,
} from './split-options.js';
export type { SuperconMergeReport } from './supercon-merge.js';
export type { NonSuperconductorReport, TcDatasetReport, TcRowsSummary } from './tc-dataset-report.js';
export {
  classifyTcFamily,
  HYDRIDE_MIN_HYDROGEN_FRACTION,
  IRON_BASED_MIN_IRON_FRACTION,
  TC_FAMILIES,
  type TcFamily,
} from './tc-family.js';
export { TC_ROW_SOURCES, type TcRowSource } from './tc-row.js';

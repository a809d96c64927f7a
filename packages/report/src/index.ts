export {
  type BuildRunReportOptions,
  buildRunReport,
  DEFAULT_REPORT_MAX_EHULL_EV_PER_ATOM,
} from './build-run-report.js';
export { ensembleTc } from './html/format-values.js';
export { funnelRateLines } from './html/funnel-rates.js';
export { renderReportHtml } from './render-report-html.js';
export type * from './report-data.js';

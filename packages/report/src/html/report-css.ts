/** Inline styles: the report is one self-contained file that opens anywhere, offline. */
export const REPORT_CSS = `
:root { color-scheme: light; --fg: #1d1d1f; --muted: #5f6368; --line: #e0e0e0; --accent: #0072B2; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); margin: 0; background: #fafafa; }
main { max-width: 1040px; margin: 0 auto; padding: 24px 28px 48px; background: #fff; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 32px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
.subtitle, .note { color: var(--muted); }
.note { font-size: 13px; margin: 6px 0; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 10px; margin: 16px 0; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; }
.card .label { color: var(--muted); font-size: 12px; }
.card .value { font-size: 18px; font-weight: 600; }
.status { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; background: #eee; }
.status-COMPLETED { background: #d8f0e3; color: #0b6b3a; }
.status-COMPLETED_WITH_FAILURES, .status-PAUSED { background: #fff1cc; color: #7a5a00; }
.status-FAILED, .status-CANCELLED { background: #fbdcdc; color: #9b1c1c; }
.status-RUNNING, .status-PLANNED { background: #dceafb; color: #174ea6; }
dl.spec { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 8px 0; }
dl.spec dt { color: var(--muted); }
dl.spec dd { margin: 0; }
figure { margin: 12px 0; }
figure svg { max-width: 100%; height: auto; display: block; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { padding: 4px 8px; border-bottom: 1px solid var(--line); text-align: left; }
th { font-weight: 600; background: #f4f4f5; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.gain { color: #0b6b3a; }
td.loss { color: #9b1c1c; }
footer { margin-top: 32px; color: var(--muted); font-size: 12px; }
`;

import { chartFrame } from './chart-frame.js';
import { legend } from './legend.js';
import { niceMax } from './nice-step.js';
import { coord, escapeXml, svgRoot, tag } from './svg-markup.js';

export interface LineSeries {
  label: string;
  colour: string;
  dashed?: boolean;
  /** Shown in the legend (a chart of many series lists each colour once). */
  inLegend?: boolean;
  /** y null = a gap in the line. */
  points: readonly (readonly [number, number | null])[];
}

export interface LineChartSvgOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  series: readonly LineSeries[];
  width?: number;
  height?: number;
}

/** Path data through the points, starting a new sub-path after each gap. */
export function linePath(points: readonly (readonly [number, number])[][]): string {
  return points
    .filter((run) => run.length > 0)
    .map((run) => run.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${coord(x)},${coord(y)}`).join(''))
    .join('');
}

function finiteRuns(points: LineSeries['points']): [number, number][][] {
  const runs: [number, number][][] = [[]];
  for (const [x, y] of points) {
    if (y === null || !Number.isFinite(y)) runs.push([]);
    else runs.at(-1)?.push([x, y]);
  }
  return runs;
}

export function lineChartSvg(options: LineChartSvgOptions): string {
  const { series, width = 960, height = 340 } = options;
  const runsBySeries = series.map((s) => finiteRuns(s.points));
  const xs = runsBySeries.flat(2).map(([x]) => x);
  const ys = runsBySeries.flat(2).map(([, y]) => y);
  const yLow = Math.min(0, ...ys);
  const yHigh = Math.max(1, ...ys);
  const key = legend(
    series
      .filter((s) => s.inLegend !== false)
      .map((s) => ({ label: s.label, colour: s.colour, swatch: 'line' as const, dashed: s.dashed })),
    width,
  );
  const frame = chartFrame({
    legendRows: key.rows,
    width,
    height,
    title: options.title,
    x: { domain: [Math.min(0, ...xs), Math.max(1, ...xs)], label: options.xLabel },
    y: { domain: [yLow, niceMax(yLow, yHigh, 5)], label: options.yLabel },
  });
  const paths = series.map((s, i) =>
    tag(
      'path',
      {
        d: linePath(
          (runsBySeries[i] ?? []).map((run) => run.map(([x, y]) => [frame.x(x), frame.y(y)] as const)),
        ),
        fill: 'none',
        stroke: s.colour,
        'stroke-width': s.dashed ? 1.2 : 2,
        'stroke-dasharray': s.dashed ? '4 3' : undefined,
        class: 'series',
      },
      tag('title', {}, escapeXml(s.label)),
    ),
  );
  return svgRoot(width, height, options.title, [
    ...frame.markup,
    tag('g', { class: 'lines' }, paths),
    key.markup,
  ]);
}

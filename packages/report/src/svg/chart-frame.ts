import { linearScale, type Scale } from './linear-scale.js';
import { niceTicks } from './nice-step.js';
import { AXIS_COLOUR, GRID_COLOUR } from './palette.js';
import { tag, text } from './svg-markup.js';

export interface AxisSpec {
  domain: readonly [number, number];
  label: string;
  /** Tick positions; default: nice ticks over the domain. */
  ticks?: readonly number[];
  format?: (value: number) => string;
}

export interface ChartFrameOptions {
  width: number;
  height: number;
  title: string;
  x: AxisSpec;
  y: AxisSpec;
  /** Rows of legend between the title and the plot (see legend()). */
  legendRows?: number;
}

export interface PlotArea {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface ChartFrame {
  x: Scale;
  y: Scale;
  plot: PlotArea;
  /** Title, grid, axes, ticks and axis labels, drawn beneath the data. */
  markup: string[];
}

const MARGIN = { left: 64, right: 16, top: 52, bottom: 48 };
/** Where the legend starts: under the title, aligned with the plot. */
export const LEGEND_ORIGIN = { x: MARGIN.left, y: 38 };
export const LEGEND_ROW_PX = 16;

export function formatTick(value: number): string {
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e5 || magnitude < 1e-3) return value.toExponential(1);
  return String(Number(value.toPrecision(6)));
}

/** Scales and the axes of a chart whose data lies in the x and y domains. */
export function chartFrame({ width, height, title, x, y, legendRows = 1 }: ChartFrameOptions): ChartFrame {
  const plot = {
    left: MARGIN.left,
    right: width - MARGIN.right,
    top: MARGIN.top + LEGEND_ROW_PX * Math.max(0, legendRows - 1),
    bottom: height - MARGIN.bottom,
  };
  const xScale = linearScale(x.domain, [plot.left, plot.right]);
  const yScale = linearScale(y.domain, [plot.bottom, plot.top]);
  const xTicks = x.ticks ?? niceTicks(x.domain[0], x.domain[1], 8);
  const yTicks = y.ticks ?? niceTicks(y.domain[0], y.domain[1], 5);
  const xFormat = x.format ?? formatTick;
  const yFormat = y.format ?? formatTick;
  const markup = [
    text({ x: plot.left, y: 20, 'font-size': 15, 'font-weight': 600 }, title),
    ...yTicks.map((tick) =>
      tag('line', { x1: plot.left, x2: plot.right, y1: yScale(tick), y2: yScale(tick), stroke: GRID_COLOUR }),
    ),
    ...yTicks.map((tick) =>
      text({ x: plot.left - 6, y: yScale(tick) + 4, 'text-anchor': 'end', fill: AXIS_COLOUR }, yFormat(tick)),
    ),
    ...xTicks.flatMap((tick) => [
      tag('line', {
        x1: xScale(tick),
        x2: xScale(tick),
        y1: plot.bottom,
        y2: plot.bottom + 5,
        stroke: AXIS_COLOUR,
      }),
      text(
        { x: xScale(tick), y: plot.bottom + 18, 'text-anchor': 'middle', fill: AXIS_COLOUR },
        xFormat(tick),
      ),
    ]),
    tag('path', {
      d: `M${plot.left},${plot.top}V${plot.bottom}H${plot.right}`,
      fill: 'none',
      stroke: AXIS_COLOUR,
      class: 'axis',
    }),
    text({ x: (plot.left + plot.right) / 2, y: height - 8, 'text-anchor': 'middle' }, x.label),
    text(
      {
        x: 16,
        y: (plot.top + plot.bottom) / 2,
        'text-anchor': 'middle',
        transform: `rotate(-90 16 ${(plot.top + plot.bottom) / 2})`,
      },
      y.label,
    ),
  ];
  return { x: xScale, y: yScale, plot, markup };
}

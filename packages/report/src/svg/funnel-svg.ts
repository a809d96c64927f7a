import { linearScale } from './linear-scale.js';
import { AXIS_COLOUR } from './palette.js';
import { escapeXml, svgRoot, tag, text } from './svg-markup.js';

export interface FunnelSvgStage {
  label: string;
  count: number;
}

export interface FunnelSvgOptions {
  title: string;
  stages: readonly FunnelSvgStage[];
  colour: string;
  width?: number;
}

const ROW_PX = 30;
const LABEL_PX = 170;
const TEXT_PX = 210;

function percent(part: number, whole: number): string {
  if (whole === 0) return '–';
  const value = (100 * part) / whole;
  return `${value >= 10 ? value.toFixed(0) : Number(value.toPrecision(2))}%`;
}

/** Horizontal bars, one per stage, scaled to the first stage, with the share of the first and previous stage. */
export function funnelSvg({ title, stages, colour, width = 960 }: FunnelSvgOptions): string {
  const height = 40 + stages.length * ROW_PX + 8;
  const first = stages[0]?.count ?? 0;
  const barX = linearScale([0, Math.max(first, 1)], [LABEL_PX, width - TEXT_PX]);
  const rows = stages.map((stage, i) => {
    const y = 40 + i * ROW_PX;
    const previous = i === 0 ? first : (stages[i - 1]?.count ?? 0);
    const barWidth = Math.max(barX(stage.count) - LABEL_PX, stage.count > 0 ? 1 : 0);
    const share =
      i === 0
        ? ''
        : ` · ${percent(stage.count, first)} of all · ${percent(stage.count, previous)} of previous`;
    return tag('g', { class: 'stage' }, [
      text({ x: LABEL_PX - 8, y: y + 15, 'text-anchor': 'end' }, stage.label),
      tag(
        'rect',
        { x: LABEL_PX, y: y + 2, width: barWidth, height: ROW_PX - 8, fill: colour, class: 'bar' },
        tag('title', {}, escapeXml(`${stage.label}: ${stage.count}`)),
      ),
      text(
        { x: LABEL_PX + barWidth + 6, y: y + 15, fill: AXIS_COLOUR },
        `${stage.count.toLocaleString('en')}${share}`,
      ),
    ]);
  });
  return svgRoot(width, height, title, [
    text({ x: 8, y: 20, 'font-size': 15, 'font-weight': 600 }, title),
    ...rows,
  ]);
}

import { LEGEND_ORIGIN, LEGEND_ROW_PX } from './chart-frame.js';
import { tag, text } from './svg-markup.js';

export interface LegendItem {
  label: string;
  colour: string;
  /** rect: a filled swatch (bars); line: a stroke (series), dashed when `dashed`. */
  swatch: 'rect' | 'line';
  dashed?: boolean;
}

const CHAR_WIDTH_PX = 6.6;

export interface Legend {
  markup: string;
  rows: number;
}

/** Swatches and labels under the chart title, wrapping into rows before `maxX`. */
export function legend(items: readonly LegendItem[], maxX: number): Legend {
  const { x, y } = LEGEND_ORIGIN;
  let cursorX = x;
  let cursorY = y;
  let rows = items.length > 0 ? 1 : 0;
  const parts: string[] = [];
  for (const item of items) {
    const width = 26 + item.label.length * CHAR_WIDTH_PX;
    if (cursorX + width > maxX && cursorX > x) {
      cursorX = x;
      cursorY += LEGEND_ROW_PX;
      rows += 1;
    }
    parts.push(
      item.swatch === 'rect'
        ? tag('rect', { x: cursorX, y: cursorY - 9, width: 14, height: 10, fill: item.colour })
        : tag('line', {
            x1: cursorX,
            x2: cursorX + 16,
            y1: cursorY - 4,
            y2: cursorY - 4,
            stroke: item.colour,
            'stroke-width': 2,
            'stroke-dasharray': item.dashed ? '4 3' : undefined,
          }),
      text({ x: cursorX + 20, y: cursorY }, item.label),
    );
    cursorX += width + 12;
  }
  return { markup: tag('g', { class: 'legend' }, parts), rows };
}

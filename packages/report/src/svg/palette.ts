/** Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. */
export const SERIES_COLOURS = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#D55E00',
  '#CC79A7',
  '#56B4E9',
  '#F0E442',
  '#000000',
] as const;

export function seriesColour(index: number): string {
  return SERIES_COLOURS[index % SERIES_COLOURS.length] as string;
}

export const AXIS_COLOUR = '#444';
export const GRID_COLOUR = '#e3e3e3';

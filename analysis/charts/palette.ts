// One colour per scenario across every chart, from the Okabe-Ito palette, which stays
// distinguishable for the common forms of colour blindness. The first scenario (the reference)
// is dark grey so that "compared with what" reads at a glance. Categories that are not scenarios
// (stages, definitions) use Paul Tol's "muted" palette, so they never look like a scenario.
import type { Config } from 'vega-lite';

const scenarioColours = ['#4d4d4d', '#0072b2', '#e69f00', '#009e73', '#d55e00', '#cc79a7', '#56b4e9', '#000000'];

export const categoryColours = [
  '#332288', '#88ccee', '#44aa99', '#117733', '#999933', '#ddcc77', '#cc6677', '#882255', '#aa4499', '#bbbbbb',
];

/** Colour scale for scenario names in report order; past eight scenarios the colours repeat. */
export function scenarioScale(names: readonly string[]): { domain: string[]; range: string[] } {
  return {
    domain: [...names],
    range: names.map((_, i) => scenarioColours[i % scenarioColours.length] ?? '#000000'),
  };
}

const FONT = 'Helvetica, Arial, sans-serif';

/** Shared look: readable sizes, no chart border, titles left-aligned like the report's headings. */
export const chartConfig: Config = {
  font: FONT,
  view: { stroke: null },
  title: { anchor: 'start', fontSize: 15, fontWeight: 'bold', subtitleFontSize: 12, subtitleColor: '#444444' },
  axis: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: 'normal', gridColor: '#e6e6e6' },
  legend: { labelFontSize: 12, labelLimit: 0, titleFontSize: 12, titleFontWeight: 'normal', orient: 'bottom', direction: 'horizontal', columns: 4 },
  // Panel names sit above their panel, left-aligned, so they never eat the chart's width.
  header: { labelFontSize: 13, labelFontWeight: 'bold', labelAnchor: 'start', labelOrient: 'top', titleFontSize: 12 },
};

export const CHART_WIDTH = 740;

// Chart 2: children at home week by week, under the legal definition and counting all absence;
// the gap between the two panels is the hidden group that advice 1 is about.
import type { TopLevelSpec } from 'vega-lite';
import type { ScenarioReport } from '../report/report-input.js';
import { CHART_WIDTH, chartConfig, scenarioScale } from './palette.js';

const definitions: ReadonlyArray<{ metric: string; label: string }> = [
  { metric: 'thuiszitters_legal', label: 'Legal definition (unauthorised absence > 4 weeks, or not enrolled)' },
  { metric: 'thuiszitters_all', label: 'All absence counted (authorised absence too)' },
];

export function countsOverTimeChart(scenarios: readonly ScenarioReport[]): TopLevelSpec {
  const rows: Array<{ scenario: string; definition: string; week: number; mean: number; low: number; high: number }> = [];
  for (const definition of definitions) {
    for (const scenario of scenarios) {
      for (const row of scenario.weekly) {
        if (row.metric !== definition.metric) continue;
        rows.push({ scenario: scenario.name, definition: definition.label, week: row.week, mean: row.mean, low: row.ci95_low, high: row.ci95_high });
      }
    }
  }
  const colour = { field: 'scenario', type: 'nominal', title: 'Scenario', scale: scenarioScale(scenarios.map((s) => s.name)) } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'Children at home, week by week', subtitle: 'Mean over replications; the band is the 95% confidence interval of the mean' },
    config: chartConfig,
    data: { values: rows },
    columns: 1,
    facet: { field: 'definition', type: 'nominal', title: null, sort: definitions.map((d) => d.label) },
    spec: {
      width: CHART_WIDTH,
      height: 200,
      layer: [
        {
          mark: { type: 'area', opacity: 0.2 },
          encoding: {
            x: { field: 'week', type: 'quantitative', title: 'Week of the measured period', scale: { nice: false } },
            y: { field: 'low', type: 'quantitative', title: 'Pupils at home' },
            y2: { field: 'high' },
            // The lines carry the legend; the pale bands would draw it washed out.
            color: { ...colour, legend: null },
          },
        },
        {
          mark: { type: 'line', strokeWidth: 2 },
          encoding: {
            x: { field: 'week', type: 'quantitative' },
            y: { field: 'mean', type: 'quantitative' },
            color: colour,
          },
        },
      ],
    },
  };
}

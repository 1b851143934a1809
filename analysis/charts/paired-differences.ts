// Chart 3: each scenario minus the first, paired on common random numbers, with 95% CIs.
// A CI that crosses the zero line means the replications cannot tell the scenarios apart.
import type { TopLevelSpec } from 'vega-lite';
import type { ScenarioReport } from '../report/report-input.js';
import { HEADLINE_METRICS, metricLabel } from '../report/metric-labels.js';
import { CHART_WIDTH, chartConfig, scenarioScale } from './palette.js';

function axisUnit(unit: string): string {
  if (unit === 'share') return 'percentage points';
  return unit;
}

export function pairedDifferencesChart(scenarios: readonly ScenarioReport[], metrics: readonly string[] = HEADLINE_METRICS): TopLevelSpec {
  const reference = scenarios[0];
  if (reference === undefined) throw new Error('pairedDifferencesChart: scenarios is empty; expected at least two scenarios');
  const rows: Array<{ metric: string; scenario: string; mean: number; low: number; high: number }> = [];
  const shownMetrics: string[] = [];
  for (const metric of metrics) {
    const { label, unit } = metricLabel(metric);
    const heading = `${label} (${axisUnit(unit)})`;
    const scale = unit === 'share' ? 100 : 1;
    let any = false;
    for (const scenario of scenarios.slice(1)) {
      const d = scenario.difference?.[metric];
      if (d === undefined) continue;
      rows.push({ metric: heading, scenario: scenario.name, mean: d.mean * scale, low: d.ci95_low * scale, high: d.ci95_high * scale });
      any = true;
    }
    if (any) shownMetrics.push(heading);
  }
  const compared = scenarios.slice(1).map((s) => s.name);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: `Difference from ${reference.name}`, subtitle: 'Scenario minus reference, paired on common random numbers; lines are 95% confidence intervals' },
    config: chartConfig,
    data: { values: rows },
    columns: 1,
    facet: { field: 'metric', type: 'nominal', title: null, sort: shownMetrics },
    resolve: { scale: { x: 'independent' } },
    spec: {
      width: CHART_WIDTH - 160,
      height: { step: 20 },
      layer: [
        {
          // One zero line per panel, not one per data row (a datum encoding repeats per row).
          transform: [{ aggregate: [{ op: 'count', as: 'rows' }], groupby: ['metric'] }],
          mark: { type: 'rule', color: '#777777', strokeDash: [3, 3] },
          encoding: { x: { datum: 0, type: 'quantitative' } },
        },
        {
          mark: { type: 'rule', strokeWidth: 2 },
          encoding: {
            y: { field: 'scenario', type: 'nominal', title: null, sort: compared },
            x: { field: 'low', type: 'quantitative', title: 'Difference from reference' },
            x2: { field: 'high' },
            color: { field: 'scenario', type: 'nominal', title: 'Scenario', scale: scenarioScale(scenarios.map((s) => s.name)), legend: null },
          },
        },
        {
          mark: { type: 'point', filled: true, size: 70 },
          encoding: {
            y: { field: 'scenario', type: 'nominal', sort: compared },
            x: { field: 'mean', type: 'quantitative' },
            color: { field: 'scenario', type: 'nominal', scale: scenarioScale(scenarios.map((s) => s.name)), legend: null },
          },
        },
      ],
    },
  };
}

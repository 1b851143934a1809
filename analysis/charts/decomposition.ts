// Chart 10: which components carry a package's effect. Per metric, one bar per component (its
// Shapley value, with the 95% CI) and the package's total below them; a diamond marks what the
// component does switched on alone, so the gap between bar and diamond is its share of the
// interaction.
import type { TopLevelSpec } from 'vega-lite';
import type { DecompositionInput } from '../report/report-input.js';
import { metricLabel } from '../report/metric-labels.js';
import { CHART_WIDTH, categoryColours, chartConfig } from './palette.js';

const TOTAL = 'Package total';

interface Row {
  metric: string;
  component: string;
  kind: 'component' | 'total';
  value: number;
  low: number;
  high: number;
  alone: number | null;
}

function finite(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`decomposition ${what} is ${JSON.stringify(value)}; expected a finite number`);
  return value;
}

export function decompositionChart(input: DecompositionInput): TopLevelSpec {
  const names = input.components.map((c) => c.name);
  const rows: Row[] = [];
  const headings: string[] = [];
  for (const [metric, d] of Object.entries(input.metrics)) {
    // A metric no replication defined under every coalition has nothing to draw.
    if (d.total.n === 0) continue;
    const { label, unit } = metricLabel(metric);
    const scale = unit === 'share' ? 100 : 1;
    const heading = `${label} (${unit === 'share' ? 'percentage points' : unit})`;
    headings.push(heading);
    d.components.forEach((c, i) => {
      const at = `${metric}.components[${i}]`;
      rows.push({
        metric: heading,
        component: names[i] ?? `component ${i}`,
        kind: 'component',
        value: finite(c.shapley.mean, `${at}.shapley.mean`) * scale,
        low: finite(c.shapley.ci95_low, `${at}.shapley.ci95_low`) * scale,
        high: finite(c.shapley.ci95_high, `${at}.shapley.ci95_high`) * scale,
        alone: finite(c.alone.mean, `${at}.alone.mean`) * scale,
      });
    });
    rows.push({
      metric: heading,
      component: TOTAL,
      kind: 'total',
      value: finite(d.total.mean, `${metric}.total.mean`) * scale,
      low: finite(d.total.ci95_low, `${metric}.total.ci95_low`) * scale,
      high: finite(d.total.ci95_high, `${metric}.total.ci95_high`) * scale,
      alone: null,
    });
  }
  const order = [...names, TOTAL];
  const y = { field: 'component', type: 'nominal', title: null, sort: order, axis: { labelLimit: 320 } } as const;
  const kinds = ['component', 'total'];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: `What carries ${input.package}: its effect against ${input.reference}, split over its components`,
      subtitle: 'Bars: Shapley value with 95% CI (they add up to the total); diamonds: the component switched on alone',
    },
    config: chartConfig,
    data: { values: rows },
    columns: 1,
    facet: { field: 'metric', type: 'nominal', title: null, sort: headings },
    resolve: { scale: { x: 'independent' } },
    spec: {
      width: CHART_WIDTH - 300,
      height: { step: 20 },
      layer: [
        {
          transform: [{ aggregate: [{ op: 'count', as: 'rows' }], groupby: ['metric'] }],
          mark: { type: 'rule', color: '#777777', strokeDash: [3, 3] },
          encoding: { x: { datum: 0, type: 'quantitative' } },
        },
        {
          mark: { type: 'bar', height: 12 },
          encoding: {
            y,
            x: { field: 'value', type: 'quantitative', title: 'Effect' },
            color: { field: 'kind', type: 'nominal', legend: null, scale: { domain: kinds, range: [categoryColours[1] ?? '#88ccee', categoryColours[0] ?? '#332288'] } },
          },
        },
        { mark: { type: 'rule', color: '#111111', strokeWidth: 1.5 }, encoding: { y, x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } } },
        {
          transform: [{ filter: 'datum.alone != null' }],
          mark: { type: 'point', shape: 'diamond', filled: true, size: 60, color: categoryColours[6] ?? '#cc6677' },
          encoding: { y, x: { field: 'alone', type: 'quantitative' } },
        },
      ],
    },
  };
}

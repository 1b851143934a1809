// Chart 8: which parameters move the chosen metric. One-at-a-time runs give a tornado (the bar
// spans the metric from the parameter's low to its high value); Morris gives mu* (mean absolute
// elementary effect) and Sobol the first-order and total indices, each with its 95% CI.
import type { TopLevelSpec } from 'vega-lite';
import type { SensitivityInput } from '../report/report-input.js';
import { metricLabel } from '../report/metric-labels.js';
import { CHART_WIDTH, categoryColours, chartConfig } from './palette.js';

/** More bars than this stop being readable; the rest are the least influential and listed in the table. */
const MAX_SENSITIVITY_BARS = 20;

function column(row: Record<string, number | string>, name: string, method: string, index: number): number {
  const value = row[name];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`sensitivity.rows[${index}].${name} is ${JSON.stringify(value)}; expected a finite number for method '${method}'`);
  }
  return value;
}

function pathOf(row: Record<string, number | string>, index: number): string {
  const value = row['path'];
  if (typeof value !== 'string' || value === '') {
    throw new Error(`sensitivity.rows[${index}].path is ${JSON.stringify(value)}; expected the parameter's dot path`);
  }
  return value;
}

function top<T extends { importance: number }>(items: T[]): T[] {
  return [...items].sort((a, b) => b.importance - a.importance).slice(0, MAX_SENSITIVITY_BARS);
}

function frame(input: SensitivityInput, title: string, shown: number): Pick<TopLevelSpec, 'title' | 'config'> & { $schema: string } {
  const { label } = metricLabel(input.metric);
  const extra = input.rows.length > shown ? `; the ${shown} most influential of ${input.rows.length} parameters` : '';
  return { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', title: { text: title, subtitle: `${label}${extra}` }, config: chartConfig };
}

function optionalColumn(row: Record<string, number | string>, name: string): number | undefined {
  const value = row[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function tornado(input: SensitivityInput): TopLevelSpec {
  const items = top(
    input.rows.map((row, i) => {
      const low = column(row, 'outputAtLow', 'oat', i);
      const high = column(row, 'outputAtHigh', 'oat', i);
      return { path: pathOf(row, i), low, high, importance: Math.abs(high - low) };
    }),
  );
  const base = input.rows.map((row) => optionalColumn(row, 'baseOutput')).find((v) => v !== undefined);
  const order = items.map((r) => r.path);
  const ends = ['Parameter at its low value', 'Parameter at its high value'];
  const points = items.flatMap((r) => [
    { path: r.path, end: ends[0], value: r.low },
    { path: r.path, end: ends[1], value: r.high },
  ]);
  const { label, unit } = metricLabel(input.metric);
  const y = { field: 'path', type: 'nominal', title: 'Parameter', sort: order, axis: { labelLimit: 260 } } as const;
  return {
    ...frame(input, 'One-at-a-time sensitivity', items.length),
    width: CHART_WIDTH - 200,
    height: { step: 22 },
    layer: [
      {
        data: { values: items },
        mark: { type: 'bar', color: '#d9d9d9', height: 12 },
        encoding: { y, x: { field: 'low', type: 'quantitative', title: `${label} (${unit === 'share' ? 'share' : unit})`, scale: { zero: false } }, x2: { field: 'high' } },
      },
      {
        data: { values: points },
        mark: { type: 'point', filled: true, size: 80 },
        encoding: {
          y,
          x: { field: 'value', type: 'quantitative' },
          color: { field: 'end', type: 'nominal', title: null, scale: { domain: ends, range: [categoryColours[1] ?? '#88ccee', categoryColours[0] ?? '#332288'] } },
          shape: { field: 'end', type: 'nominal', title: null, scale: { domain: ends, range: ['triangle-left', 'triangle-right'] } },
        },
      },
      ...(base === undefined
        ? []
        : [{ data: { values: [{ base }] }, mark: { type: 'rule' as const, color: '#111111', strokeDash: [4, 3] }, encoding: { x: { field: 'base', type: 'quantitative' as const } } }]),
    ],
  };
}

function morris(input: SensitivityInput): TopLevelSpec {
  const items = top(
    input.rows.map((row, i) => {
      const mu = column(row, 'muStar', 'morris', i);
      return { path: pathOf(row, i), mu, low: optionalColumn(row, 'muStar_ci95_low'), high: optionalColumn(row, 'muStar_ci95_high'), importance: mu };
    }),
  );
  const withCi = items.every((r) => r.low !== undefined && r.high !== undefined);
  const y = { field: 'path', type: 'nominal', title: 'Parameter', sort: items.map((r) => r.path), axis: { labelLimit: 260 } } as const;
  const bars = { mark: { type: 'bar' as const, color: categoryColours[0] ?? '#332288' }, encoding: { y, x: { field: 'mu', type: 'quantitative' as const, title: 'mu* (units of the figure)' } } };
  const ci = { mark: { type: 'rule' as const, color: '#111111', strokeWidth: 1.5 }, encoding: { y, x: { field: 'low', type: 'quantitative' as const }, x2: { field: 'high' } } };
  return {
    ...frame(input, 'Morris screening: mean absolute effect (mu*)', items.length),
    data: { values: items },
    width: CHART_WIDTH - 200,
    height: { step: 22 },
    layer: withCi ? [bars, ci] : [bars],
  };
}

function sobol(input: SensitivityInput): TopLevelSpec {
  const items = top(
    input.rows.map((row, i) => ({
      path: pathOf(row, i),
      S1: column(row, 'S1', 'sobol', i),
      S1_low: column(row, 'S1_ci95_low', 'sobol', i),
      S1_high: column(row, 'S1_ci95_high', 'sobol', i),
      ST: column(row, 'ST', 'sobol', i),
      ST_low: column(row, 'ST_ci95_low', 'sobol', i),
      ST_high: column(row, 'ST_ci95_high', 'sobol', i),
      importance: column(row, 'ST', 'sobol', i),
    })),
  );
  const indexNames = ['First order (S1)', 'Total (ST)'];
  const rows = items.flatMap((r) => [
    { path: r.path, index: indexNames[0], value: r.S1, low: r.S1_low, high: r.S1_high },
    { path: r.path, index: indexNames[1], value: r.ST, low: r.ST_low, high: r.ST_high },
  ]);
  const y = { field: 'path', type: 'nominal', title: 'Parameter', sort: items.map((r) => r.path), axis: { labelLimit: 260 } } as const;
  const yOffset = { field: 'index', type: 'nominal', sort: indexNames } as const;
  return {
    ...frame(input, 'Sobol indices: share of the variance due to each parameter', items.length),
    data: { values: rows },
    width: CHART_WIDTH - 200,
    height: { step: 30 },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          y,
          yOffset,
          x: { field: 'value', type: 'quantitative', title: 'Sobol index (share of variance)' },
          color: { field: 'index', type: 'nominal', title: null, scale: { domain: indexNames, range: [categoryColours[1] ?? '#88ccee', categoryColours[0] ?? '#332288'] } },
        },
      },
      { mark: { type: 'rule', color: '#111111', strokeWidth: 1.5 }, encoding: { y, yOffset, x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } } },
    ],
  };
}

export function sensitivityChart(input: SensitivityInput): TopLevelSpec {
  if (input.method === 'oat') return tornado(input);
  if (input.method === 'morris') return morris(input);
  return sobol(input);
}

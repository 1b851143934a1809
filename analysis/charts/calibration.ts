// Chart 9: calibration fit: the region's observed figures beside the fitted model's simulated
// mean and 95% CI, one panel per measure. Observed ranges ("100-140") are drawn as a grey band.
// With several periods (school years, each compared with its own year of the run) the periods run
// in calendar order along the x axis and a line joins the fitted means: observed against fitted
// per period, the trend the fit follows.
import type { TopLevelSpec } from 'vega-lite';
import type { CalibrationInput } from '../report/report-input.js';
import { humanise } from '../report/metric-labels.js';
import { CHART_WIDTH, chartConfig } from './palette.js';

export interface ObservedRange {
  low: number;
  high: number;
}

/** '120' -> 120..120; '100-140', '100\u2013140' or '100..140' -> 100..140; anything else (such as '>100') -> null: table only. */
export function parseObserved(text: string): ObservedRange | null {
  const trimmed = text.trim().replace(/,/g, '');
  const single = Number(trimmed);
  if (trimmed !== '' && Number.isFinite(single)) return { low: single, high: single };
  const range = /^(-?\d+(?:\.\d+)?)\s*(?:-|\u2013|\.\.)\s*(-?\d+(?:\.\d+)?)$/.exec(trimmed);
  if (range === null) return null;
  const low = Number(range[1]);
  const high = Number(range[2]);
  return low <= high ? { low, high } : null;
}

export function calibrationChart(input: CalibrationInput): TopLevelSpec {
  const simulated = input.fit.map((f) => ({ measure: humanise(f.measure), period: f.period, mean: f.simulated_mean, low: f.ci95_low, high: f.ci95_high }));
  const observed = input.fit.flatMap((f) => {
    const given = Number.isFinite(f.observed_low) && Number.isFinite(f.observed_high) ? { low: f.observed_low as number, high: f.observed_high as number } : null;
    const o = given ?? parseObserved(f.observed);
    return o === null ? [] : [{ measure: humanise(f.measure), period: f.period, low: o.low, high: o.high }];
  });
  // School-year labels (2023/24) sort in calendar order as text.
  const periods = [...new Set(input.fit.map((f) => f.period))].sort();
  const overTime = periods.length > 1;
  const measures = [...new Set(input.fit.map((f) => humanise(f.measure)))];
  const x = { field: 'period', type: 'ordinal', title: 'Period', sort: periods, axis: { labelAngle: 0 } } as const;
  const legend = { domain: ['Observed', 'Simulated (95% CI)'], range: ['#111111', '#0072b2'] };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: overTime ? 'Calibration: observed and fitted, per school year' : 'Calibration: observed and simulated',
      subtitle: `Black diamond: the region\u2019s figure (a grey band when given as a range); blue: the fitted model, mean and 95% CI${overTime ? ' of each school year, joined by a line' : ''}`,
    },
    config: chartConfig,
    // One column per measure, side by side: each needs only a few periods of width.
    facet: { column: { field: 'measure', type: 'nominal', title: null, sort: measures } },
    resolve: { scale: { y: 'independent' } },
    data: { values: simulated.map((s) => ({ ...s, kind: 'Simulated (95% CI)' })).concat(observed.map((o) => ({ ...o, mean: o.low, kind: 'Observed' }))) },
    spec: {
      width: Math.max(120, Math.min(CHART_WIDTH, periods.length * 60)),
      height: 200,
      layer: [
        {
          transform: [{ filter: "datum.kind === 'Observed' && datum.low < datum.high" }],
          mark: { type: 'bar', color: '#bbbbbb', width: 24 },
          encoding: { x, y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' } },
        },
        // The fitted means of successive school years, joined.
        ...(overTime
          ? [{
              transform: [{ filter: "datum.kind === 'Simulated (95% CI)'" }],
              mark: { type: 'line' as const, color: '#0072b2', strokeWidth: 1, opacity: 0.6 },
              encoding: { x, y: { field: 'mean', type: 'quantitative' as const } },
            }]
          : []),
        {
          transform: [{ filter: "datum.kind === 'Simulated (95% CI)'" }],
          mark: { type: 'rule', color: '#0072b2', strokeWidth: 2 },
          encoding: { x, y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' } },
        },
        {
          // A range has no single observed value to mark; its band says it all.
          transform: [{ filter: "datum.kind !== 'Observed' || datum.low === datum.high" }],
          mark: { type: 'point', filled: true, size: 70 },
          encoding: {
            x,
            y: { field: 'mean', type: 'quantitative', title: 'Value', scale: { zero: false } },
            color: { field: 'kind', type: 'nominal', title: null, scale: legend },
            shape: { field: 'kind', type: 'nominal', title: null, scale: { domain: legend.domain, range: ['diamond', 'circle'] } },
          },
        },
      ],
    },
  };
}

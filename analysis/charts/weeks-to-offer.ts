// Chart 1: how long children are at home, per scenario, against the 13-week goal.
import type { TopLevelSpec } from 'vega-lite';
import type { ScenarioReport } from '../report/report-input.js';
import { CHART_WIDTH, chartConfig, scenarioScale } from './palette.js';

const GOAL_WEEKS = 13;

const measures: ReadonlyArray<{ key: string; label: string }> = [
  { key: 'weeks_to_offer', label: 'Absence onset to a fitting offer' },
  { key: 'weeks_to_attendance', label: 'Absence onset to attending again' },
];

// The tail past this many weeks is cut from the axis when empty, so the shape near the goal is readable.
const MIN_AXIS_WEEKS = 26;

export function weeksToOfferChart(scenarios: readonly ScenarioReport[]): TopLevelSpec {
  const rows: Array<{ scenario: string; measure: string; week: number; episodes: number }> = [];
  let lastWeek = MIN_AXIS_WEEKS;
  for (const measure of measures) {
    for (const scenario of scenarios) {
      const bins = scenario.histograms[measure.key];
      if (bins === undefined) continue;
      bins.forEach((episodes, week) => {
        rows.push({ scenario: scenario.name, measure: measure.label, week, episodes });
        if (episodes > 0 && week > lastWeek) lastWeek = week;
      });
    }
  }
  const shown = rows.filter((r) => r.week <= lastWeek);
  const onePerPanel = [{ aggregate: [{ op: 'count' as const, as: 'rows' }], groupby: ['measure'] }];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: 'How long children are at home',
      subtitle: 'Episodes that lasted more than 4 weeks, by whole weeks from absence onset; the last bin holds 104 weeks or more',
    },
    config: chartConfig,
    data: { values: shown },
    columns: 1,
    facet: { field: 'measure', type: 'nominal', title: null, sort: measures.map((m) => m.label) },
    spec: {
      width: CHART_WIDTH,
      height: 180,
      layer: [
        {
          mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2 },
          encoding: {
            x: { field: 'week', type: 'quantitative', title: 'Weeks from absence onset', scale: { domain: [0, lastWeek + 1], nice: false } },
            y: { field: 'episodes', type: 'quantitative', title: 'Episodes (mean per replication)' },
            color: { field: 'scenario', type: 'nominal', title: 'Scenario', scale: scenarioScale(scenarios.map((s) => s.name)) },
          },
        },
        {
          // One goal line per panel, not one per data row (a datum encoding repeats per row).
          transform: onePerPanel,
          mark: { type: 'rule', color: '#b00020', strokeDash: [5, 3], strokeWidth: 2 },
          encoding: { x: { datum: GOAL_WEEKS, type: 'quantitative' } },
        },
        {
          transform: onePerPanel,
          mark: { type: 'text', color: '#b00020', align: 'left', dx: 4, baseline: 'top', fontSize: 12 },
          encoding: { x: { datum: GOAL_WEEKS, type: 'quantitative' }, y: { value: 2 }, text: { value: '13-week goal' } },
        },
      ],
    },
  };
}

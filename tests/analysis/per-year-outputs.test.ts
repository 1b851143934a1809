// Per-year outputs on synthetic replications: summary.json's years and yearly.csv (run), the per-year
// paired differences and cumulative costs of comparison.json/.csv (compare).
import { describe, expect, it } from 'vitest';
import { aggregateScenario } from '../../analysis/scenario-runs/aggregate.js';
import { compareOutputs, compareScenarios } from '../../analysis/scenario-runs/compare-outputs.js';
import { COST_FIGURES, cumulativeCosts } from '../../analysis/scenario-runs/cumulative-costs.js';
import type { ScenarioRunOptions } from '../../analysis/scenario-runs/plan.js';
import { runOutputs } from '../../analysis/scenario-runs/run-outputs.js';
import { pairedDifference, summarise } from '../../analysis/statistics/summary.js';
import type { ReplicationOutput } from '../../sim/model/replication.js';

const LABELS = ['2025/26', '2026/27', '2027/28'];

type Year = Record<string, number | null>;

/** A replication whose all-years metrics are the mean of its years (as the model's per-year counts are). */
function replication(years: Year[]): ReplicationOutput {
  const metrics: Year = {};
  for (const key of Object.keys(years[0]!)) {
    const values = years.map((y) => y[key]);
    metrics[key] = values.some((v) => v === null) ? null : values.reduce<number>((a, b) => a + (b as number), 0) / years.length;
  }
  return { metrics, years, weekly: { thuiszitters_legal: Array.from({ length: 52 * years.length }, (_, w) => w % 7) }, histograms: {}, events: 10, episodes: 2 };
}

/** Replication r, year y of a scenario shifted by `shift` per year: distinct, known values. */
function scenarioOutputs(replications: number, shift: number): ReplicationOutput[] {
  return Array.from({ length: replications }, (_, r) =>
    replication(LABELS.map((_, y) => ({
      over_13_weeks_legal: 10 + r + y * shift + (r * y) % 3,
      cost_eur_total: 1000 * (1 + y) + 10 * r,
      episodes_over_4_weeks: 20 + r,
      share_offer_within_13_weeks: r === 0 && y === 1 ? null : 0.5 + 0.01 * y,
    }))),
  );
}

const planned = (name: string) => ({ name, description: '', sha256: 'x'.repeat(64), stated: {}, years: LABELS });
const options = (names: readonly string[], replications: number): ScenarioRunOptions => ({
  scenarios: names.map(planned), seed: 1, replications, episodes: false, goals: [],
});

describe('run: summary.json years and yearly.csv', () => {
  const outputs = scenarioOutputs(5, -2);
  const aggregate = aggregateScenario(outputs, LABELS);
  const files = runOutputs(options(['base'], 5), outputs, aggregate);

  it('summary.json keeps its fields and gains one entry per school year with every metric', () => {
    const summary = JSON.parse(files.get('summary.json')!) as Record<string, unknown> & { years: Array<{ label: string; metrics: Record<string, { mean: number; n: number }> }> };
    expect(Object.keys(summary)).toEqual(['scenario', 'scenario_sha256', 'seed', 'replications', 'metrics', 'years']);
    expect(summary.years.map((y) => y.label)).toEqual(LABELS);
    for (const [y, year] of summary.years.entries()) {
      expect(Object.keys(year.metrics).sort()).toEqual(Object.keys(outputs[0]!.metrics).sort());
      const expected = summarise(outputs.map((o) => o.years[y]!['over_13_weeks_legal'] as number));
      expect(year.metrics['over_13_weeks_legal']!.mean).toBeCloseTo(expected.mean, 9);
    }
    // A null (share undefined in one replication's year) is left out of that year's n, as over all years.
    expect(summary.years[1]!.metrics['share_offer_within_13_weeks']!.n).toBe(4);
    expect(summary.years[0]!.metrics['share_offer_within_13_weeks']!.n).toBe(5);
  });

  it('yearly.csv is tidy: the header, then one row per year and metric with the summary.json figures', () => {
    const lines = files.get('yearly.csv')!.trim().split('\n');
    expect(lines[0]).toBe('scenario,year,metric,mean,sd,ci95_low,ci95_high,n');
    expect(lines.length - 1).toBe(LABELS.length * 4);
    const row = lines.find((l) => l.startsWith('base,2027/28,over_13_weeks_legal,'))!.split(',');
    const expected = summarise(outputs.map((o) => o.years[2]!['over_13_weeks_legal'] as number));
    expect(Number(row[3])).toBeCloseTo(expected.mean, 6);
    expect(Number(row[4])).toBeCloseTo(expected.sd, 6);
    expect(Number(row[7])).toBe(5);
    expect(new Set(lines.slice(1).map((l) => l.split(',').length))).toEqual(new Set([8]));
  });
});

describe('compare: per-year paired differences', () => {
  const reference = scenarioOutputs(6, 0);
  const policy = scenarioOutputs(6, -3);
  const plan = options(['base', 'policy'], 6);
  const compared = compareScenarios(plan, [...reference, ...policy]);

  it("each year's difference is the all-years definition applied to that year's values", () => {
    expect(compared[0]!.yearDifferences).toEqual([null, null, null]);
    for (const [y] of LABELS.entries()) {
      const expected = pairedDifference(
        policy.map((o) => o.years[y]!['over_13_weeks_legal'] as number),
        reference.map((o) => o.years[y]!['over_13_weeks_legal'] as number),
      );
      expect(compared[1]!.yearDifferences[y]!['over_13_weeks_legal']).toEqual(expected);
    }
    // The same function over the all-years metrics gives the all-years difference.
    expect(compared[1]!.difference!['over_13_weeks_legal']).toEqual(
      pairedDifference(policy.map((o) => o.metrics['over_13_weeks_legal'] as number), reference.map((o) => o.metrics['over_13_weeks_legal'] as number)),
    );
    expect(compared[1]!.yearDifferences[2]!['over_13_weeks_legal']!.mean).toBeCloseTo(-6, 12);
  });

  it('pairs a year with the reference year of the same label, and with none when the reference lacks it', () => {
    const shifted = { ...plan, scenarios: [planned('base'), { ...planned('later'), years: ['2026/27', '2027/28', '2028/29'] }] };
    const later = compareScenarios(shifted, [...reference, ...policy])[1]!;
    expect(later.yearDifferences[2]).toBeNull();
    const expected = pairedDifference(policy.map((o) => o.years[0]!['over_13_weeks_legal'] as number), reference.map((o) => o.years[1]!['over_13_weeks_legal'] as number));
    expect(later.yearDifferences[0]!['over_13_weeks_legal']).toEqual(expected);
  });

  it('cumulative cost sums the years so far; cost per child back divides by the cohort times its 13-week share', () => {
    const figures = cumulativeCosts(reference[2]!);
    // Replication 2: costs 1020, 2020, 3020; children back 22 x 0.50, 22 x 0.51, 22 x 0.52.
    expect(figures.years.map((y) => y[COST_FIGURES.cost])).toEqual([1020, 3040, 6060]);
    expect(figures.years[1]![COST_FIGURES.back]).toBeCloseTo(22 * 0.51, 12);
    expect(figures.years[2]![COST_FIGURES.back_cumulative]).toBeCloseTo(22 * (0.5 + 0.51 + 0.52), 12);
    expect(figures.years[0]![COST_FIGURES.per_child]).toBeCloseTo(1020 / 11, 9);
    expect(figures.years[2]![COST_FIGURES.per_child_cumulative]).toBeCloseTo(6060 / (22 * 1.53), 9);
    expect(figures.metrics).toEqual({
      [COST_FIGURES.cost]: 6060,
      [COST_FIGURES.back_cumulative]: figures.years[2]![COST_FIGURES.back_cumulative],
      [COST_FIGURES.per_child_cumulative]: figures.years[2]![COST_FIGURES.per_child_cumulative],
    });
    // Replication 0 has no 13-week share in year 1: its children back are unknown from then on, not zero.
    const unknown = cumulativeCosts(reference[0]!);
    expect(unknown.years[1]![COST_FIGURES.back]).toBeNull();
    expect(unknown.years[2]![COST_FIGURES.back_cumulative]).toBeNull();
    expect(unknown.years[2]![COST_FIGURES.back]).toBeCloseTo(20 * 0.52, 12);
    // Nobody at home over 4 weeks means nobody to bring back: zero, and no cost per child.
    const none = cumulativeCosts(replication([{ cost_eur_total: 5, episodes_over_4_weeks: 0, share_offer_within_13_weeks: null }]));
    expect(none.years[0]).toMatchObject({ [COST_FIGURES.back]: 0, [COST_FIGURES.per_child]: null });
  });

  it('comparison.json and comparison.csv carry the years and the cumulative costs, year empty for all years', () => {
    const files = compareOutputs(plan, compared);
    const json = JSON.parse(files.get('comparison.json')!) as {
      scenarios: Array<{ years: Array<{ label: string; difference_vs_reference: Record<string, { mean: number }> | null }>; cumulative_costs: { metrics: Record<string, unknown>; years: Array<{ label: string; difference_vs_reference: Record<string, { mean: number }> | null }> } }>;
    };
    expect(Object.keys(json.scenarios[1]!)).toEqual(['scenario', 'scenario_sha256', 'metrics', 'difference_vs_reference', 'years', 'cumulative_costs']);
    expect(json.scenarios[0]!.years.map((y) => y.difference_vs_reference)).toEqual([null, null, null]);
    expect(json.scenarios[1]!.years.map((y) => y.label)).toEqual(LABELS);
    expect(Object.keys(json.scenarios[1]!.cumulative_costs.metrics).sort()).toEqual([COST_FIGURES.cost, COST_FIGURES.back_cumulative, COST_FIGURES.per_child_cumulative].sort());
    // Equal costs in both scenarios: the paired cumulative cost difference is exactly zero.
    expect(json.scenarios[1]!.cumulative_costs.years[2]!.difference_vs_reference![COST_FIGURES.cost]!.mean).toBe(0);
    const lines = files.get('comparison.csv')!.trim().split('\n');
    expect(lines[0]).toBe('scenario,year,metric,mean,sd,ci95_low,ci95_high,n,diff_vs_reference,diff_sd,diff_ci95_low,diff_ci95_high');
    const allYears = lines.filter((l) => l.startsWith('policy,,'));
    expect(allYears.map((l) => l.split(',')[2])).toEqual(['cost_eur_total', 'episodes_over_4_weeks', 'over_13_weeks_legal', 'share_offer_within_13_weeks', ...Object.keys(json.scenarios[1]!.cumulative_costs.metrics)]);
    const year = lines.find((l) => l.startsWith('policy,2027/28,over_13_weeks_legal,'))!.split(',');
    expect(Number(year[8])).toBeCloseTo(-6, 9);
    expect(lines.filter((l) => l.startsWith('policy,2026/27,')).length).toBe(4 + 5);
    expect(files.get('yearly.csv')!.split('\n')[0]).toBe('scenario,year,metric,mean,sd,ci95_low,ci95_high,n');
  });
});

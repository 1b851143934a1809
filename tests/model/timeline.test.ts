// Projections over time: a policy switched on at a date leaves every figure measured before it as in the
// reference (common random numbers across time), a ramp reaches its value at its end and not before, and
// a trend in pupil numbers lowers new episodes year on year by its factor.
import { describe, expect, it } from 'vitest';
import { buildRegion, runReplication } from '../../sim/model/replication.js';
import type { ReplicationOutput } from '../../sim/model/replication.js';
import { pairedDifference, scenario } from './helpers.js';

const frame = { start: '2025-08-01', warmupYears: 1, measuredYears: 4, followUpYears: 1 } as const;
const REPS = 8;
const runs = (input: Parameters<typeof scenario>[0]) => Array.from({ length: REPS }, (_, r) => runReplication(scenario(input), 11, r));

/** Figures fixed by what happened inside a year: counts, weekly means, costs and waits that ended. */
const MEASURED_INSIDE_THE_YEAR = [
  'new_episodes', 'new_over_4_weeks_legal', 'open_over_4_weeks_legal_at_start', 'lrv_in_year', 'absolute_absence_cases',
  'thuiszitters_legal', 'thuiszitters_all', 'over_13_weeks_legal', 'over_13_weeks_all', 'max_weeks_at_home',
  'exemptions', 'exempted_pupils', 'care_wait_weeks.ggz', 'care_wait_weeks_others.ggz', 'escalations.leerplicht',
  'escalations.actietafel', 'cost_eur_total', 'cost_eur_item.care',
];

describe('a casusregisseur switched on in August 2027 of a 2025-2029 projection', () => {
  const baseline = runs(frame);
  const later = runs({
    ...frame,
    timeline: [{ from: '2027-08-01', set: { 'policy.casusregisseur.enabled': true } }],
  });
  const year = (outputs: ReplicationOutput[], y: number, metric: string) => outputs.map((o) => o.years[y]?.[metric] ?? null);

  it.each(MEASURED_INSIDE_THE_YEAR)('gives the baseline figures of 2025/26 and 2026/27 for %s, to the digit', (metric) => {
    for (const y of [0, 1]) expect(year(later, y, metric)).toEqual(year(baseline, y, metric));
  });

  it('lowers the pupils at home over 13 weeks from 2027/28 on (paired 95% interval below 0)', () => {
    for (const y of [2, 3]) {
      const d = pairedDifference(year(baseline, y, 'over_13_weeks_legal') as number[], year(later, y, 'over_13_weeks_legal') as number[]);
      expect(d.mean + 2.36 * d.se).toBeLessThan(0);
    }
  });

  it('pays casusregisseurs only from the date on', () => {
    for (const y of [0, 1]) expect(year(later, y, 'cost_eur_item.casusregisseur')).toEqual(new Array(REPS).fill(0));
    for (const y of [2, 3]) for (const v of year(later, y, 'cost_eur_item.casusregisseur')) expect(v).toBeGreaterThan(0);
  });
});

describe('a ramp', () => {
  const ramped = scenario({
    ...frame,
    timeline: [{ from: '2026-08-01', rampYears: 2, set: { 'care.ggz.capacity': 80 } }],
  });
  const capacityAt = (week: number) => {
    const { sim, model } = buildRegion(ramped, 3, 0);
    sim.run(model.measuredStart + week + 0.5);
    return (model.care[0]?.ggz.resource.capacity ?? 0) + (model.care[1]?.ggz.resource.capacity ?? 0);
  };
  const before = scenario(frame).care.ggz.capacity;

  it('starts from the value in force, moves weekly and reaches its value at the stated date and not before', () => {
    expect(before).toBeLessThan(80);
    expect(capacityAt(51)).toBe(before);
    const series = [52, 60, 78, 104, 130, 155].map(capacityAt);
    for (let i = 1; i < series.length; i++) expect(series[i]).toBeGreaterThanOrEqual(series[i - 1] as number);
    expect(series[series.length - 1]).toBeLessThan(80);
    expect(capacityAt(156)).toBe(80);
    expect(capacityAt(200)).toBe(80);
  });
});

describe('a trend of -3% pupils a year', () => {
  const outputs = runs({ ...frame, measuredYears: 4, trend: { pupilsPerYear: -0.03 } });
  const totals = [0, 1, 2, 3].map((y) => outputs.reduce((sum, o) => sum + (o.years[y]?.['new_episodes'] as number), 0));

  it.each([1, 2, 3])('lowers new episodes from year %i to the next by that factor within 3 SE', (y) => {
    const ratio = (totals[y] as number) / (totals[y - 1] as number);
    // Counts are Poisson: the ratio's relative SE is sqrt(1/N1 + 1/N0).
    const se = ratio * Math.sqrt(1 / (totals[y] as number) + 1 / (totals[y - 1] as number));
    expect(Math.abs(ratio - 0.97)).toBeLessThan(3 * se);
  });

  it('leaves the first measured year at the pupil numbers of the start, to the digit', () => {
    const flat = runs({ ...frame, measuredYears: 1 });
    expect(outputs.map((o) => o.years[0]?.['new_episodes'])).toEqual(flat.map((o) => o.years[0]?.['new_episodes']));
  });
});

describe('a timeline written as nested mappings', () => {
  it('is the same as its dotted paths (what --set timeline.0.set.care.ggz.capacity=80 writes)', () => {
    // A stated care field beside the one changed: replacing the whole `care` mapping would lose it.
    const care = { ambulant: { capacity: 7 } };
    const dotted = scenario({ ...frame, care, timeline: [{ from: '2026-08-01', set: { 'care.ggz.capacity': 80 } }] });
    const nested = scenario({ ...frame, care, timeline: [{ from: '2026-08-01', set: { care: { ggz: { capacity: 80 } } } }] });
    expect(runReplication(nested, 2, 0).years).toEqual(runReplication(dotted, 2, 0).years);
  });
});

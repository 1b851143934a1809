// Per-year metrics: each measured school year reports the same metrics as the whole period, and the
// whole period is what its years add up to (counts and costs are yearly means of the years).
import { describe, expect, it } from 'vitest';
import { runReplication } from '../../sim/model/replication.js';
import { scenario } from './helpers.js';

const run = runReplication(scenario({ warmupYears: 1, measuredYears: 3, followUpYears: 1 }), 7, 0);

describe('per-year metrics', () => {
  it('has one entry per measured year with the whole-period metric names', () => {
    expect(run.years).toHaveLength(3);
    for (const year of run.years) expect(Object.keys(year).sort()).toEqual(Object.keys(run.metrics).sort());
  });

  it.each(['new_episodes', 'episodes_over_4_weeks', 'over_13_weeks_legal', 'lrv_in_year', 'exemptions', 'escalations.leerplicht', 'cost_eur_total', 'cost_eur_funder.swv', 'cost_eur_item.care'])(
    'the whole period of %s is the mean of its years',
    (metric) => {
      const years = run.years.map((y) => y[metric] as number);
      expect(years.every((v) => Number.isFinite(v))).toBe(true);
      expect(run.metrics[metric]).toBeCloseTo(years.reduce((a, b) => a + b, 0) / 3, 6);
    },
  );

  it('the weekly mean of the whole period is the mean of the yearly weekly means', () => {
    const years = run.years.map((y) => y['thuiszitters_legal'] as number);
    expect(run.metrics['thuiszitters_legal']).toBeCloseTo(years.reduce((a, b) => a + b, 0) / 3, 9);
    expect(run.weekly['thuiszitters_legal']).toHaveLength(3 * 52);
  });

  it('the longest stay at home of the period is the longest of its years', () => {
    expect(run.metrics['max_weeks_at_home']).toBe(Math.max(...run.years.map((y) => y['max_weeks_at_home'] as number)));
  });

  it('the cases open past four weeks at the start of the period are those of its first year', () => {
    expect(run.metrics['open_over_4_weeks_legal_at_start']).toBe(run.years[0]?.['open_over_4_weeks_legal_at_start']);
  });
});

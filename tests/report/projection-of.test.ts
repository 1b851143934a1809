// Gathering a projection for the report: a resolved scenario's start and timeline become the chart's
// calendar, and compare's per-year summaries and differences become the report's years.
import { describe, expect, it } from 'vitest';
import { calendarOf, yearReportsOf } from '../../analysis/report/projection-of.js';
import { summary } from './fixture.js';

describe('projection of a scenario', () => {
  it('reads the calendar from start and timeline: each change with its date, ramp and the paths it sets', () => {
    const calendar = calendarOf({
      start: '2025-08-01',
      timeline: [
        { from: '2027-08-01', rampYears: 0, set: { 'policy.casusregisseur.enabled': true, 'policy.casusregisseur.caseload': 20 } },
        { from: '2027-08-01', rampYears: 2, set: { 'care.ggz.capacity': 60 } },
      ],
    });
    expect(calendar).toEqual({
      start: '2025-08-01',
      changes: [
        { from: '2027-08-01', rampYears: 0, paths: ['policy.casusregisseur.enabled', 'policy.casusregisseur.caseload'] },
        { from: '2027-08-01', rampYears: 2, paths: ['care.ggz.capacity'] },
      ],
    });
    expect(calendarOf({ start: '2025-08-01' })).toEqual({ start: '2025-08-01', changes: [] });
    // A scenario from before projections has no start: no calendar, no rules.
    expect(calendarOf({})).toBeUndefined();
  });

  it('pairs each year\u2019s figures with that year\u2019s difference, and gives nothing for a compare without years', () => {
    const a = { over_13_weeks_legal: summary(40, 5) };
    const b = { over_13_weeks_legal: summary(30, 5) };
    const d = { over_13_weeks_legal: summary(-10, 2) };
    expect(yearReportsOf({ aggregate: { years: [{ label: '2025/26', metrics: a }, { label: '2026/27', metrics: b }] }, yearDifferences: [null, d] })).toEqual([
      { label: '2025/26', metrics: a, difference: null },
      { label: '2026/27', metrics: b, difference: d },
    ]);
    expect(yearReportsOf({ aggregate: { years: [{ label: '2025/26', metrics: a }] } })).toEqual([{ label: '2025/26', metrics: a, difference: null }]);
    expect(yearReportsOf({ aggregate: {} })).toBeUndefined();
    expect(yearReportsOf({ aggregate: { years: [] } })).toBeUndefined();
  });
});

// The scenario a calibration over several periods runs: the data's calendar, the timeline as it stood.
import { describe, expect, it } from 'vitest';
import { OptionError } from '../../analysis/commands/option-checks.js';
import { periodRunScenario, refuseDecidedSets } from '../../analysis/calibration-runs/period-run.js';
import type { PeriodPlan } from '../../analysis/calibration/periods.js';
import { loadScenario } from '../../scenarios/load.js';

const plan = (start: number, years: number): PeriodPlan => ({
  kind: 'school-years',
  start: `${start}-08-01`,
  measuredYears: years,
  labels: Array.from({ length: years }, (_, i) => `${start + i}/${String((start + i + 1) % 100).padStart(2, '0')}`),
});

describe('periodRunScenario', () => {
  // law-2027: a projection from 2025-08-01 over eight years, with changes on 2027-08-01 and 2028-08-01.
  const law = loadScenario('law-2027');

  it('runs a single period on the scenario as given', () => {
    expect(periodRunScenario(law, { kind: 'single' })).toBe(law);
  });

  it('starts at the earliest period, measures the data\'s years and keeps the trend', () => {
    const run = periodRunScenario(law, plan(2024, 3));
    expect(run.scenario.start).toBe('2024-08-01');
    expect(run.scenario.measuredYears).toBe(3);
    expect(run.scenario.trend).toEqual(law.scenario.trend);
    expect(run.scenario.trend.pupilsPerYear.PO).toBe(-0.01);
    // Every change of law-2027 is dated after 2026/27: none had happened in the data's years.
    expect(run.scenario.timeline).toEqual([]);
    expect(run.stated).toMatchObject({ start: '2024-08-01', measuredYears: 3 });
    // A different scenario, so stored evaluations of another span are never reused.
    expect(run.sha256).not.toBe(law.sha256);
    expect(run.name).toBe('law-2027');
    expect(run.sourcePath).toBe(law.sourcePath);
  });

  it('keeps the changes dated inside the data\'s years and leaves out those after', () => {
    // 2026/27 and 2027/28: the run ends on 2028-08-01, so the change of that date is left out.
    const run = periodRunScenario(law, plan(2026, 2));
    expect(run.scenario.timeline.map((entry) => entry.from)).toEqual(['2027-08-01', '2027-08-01', '2027-08-01']);
    expect(periodRunScenario(law, plan(2026, 3)).scenario.timeline).toEqual(law.scenario.timeline);
    // A change before the data's first year is in force from the start of the run.
    expect(periodRunScenario(law, plan(2029, 2)).scenario.timeline).toEqual(law.scenario.timeline);
  });
});

describe('refuseDecidedSets', () => {
  const several = plan(2023, 3);
  it.each([
    ['start=2020-08-01', true],
    ['measuredYears=5', true],
    [' measuredYears = 5', true],
    ['warmupYears=3', false],
    ['trend.onsetPerYear.PO=0.1', false],
    ['timeline.0.from=2024-08-01', false],
  ])('%s refused: %s', (set, refused) => {
    const attempt = () => refuseDecidedSets(several, [set]);
    if (refused) expect(attempt).toThrow(OptionError);
    else expect(attempt).not.toThrow();
    // One period: the scenario's own frame, which --set may change as before.
    expect(() => refuseDecidedSets({ kind: 'single' }, [set])).not.toThrow();
  });

  it('names the data\'s school years', () => {
    expect(() => refuseDecidedSets(several, ['start=2020-08-01'])).toThrow('--set: expected no --set of start or measuredYears when the data has several periods: the run measures the data\'s school years (2023/24 to 2025/26), got "start=2020-08-01"');
  });
});

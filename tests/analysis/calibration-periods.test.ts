// Calibration over periods: which school year of the run each row of a region's file is compared
// with, and the rows that cannot be placed (each probe a row of the table).
import { describe, expect, it } from 'vitest';
import { CalibrationDataError, parseObservations } from '../../analysis/calibration/data.js';
import { evaluateObjective } from '../../analysis/calibration/objective.js';
import { MAX_PERIOD_YEARS, planPeriods, schoolYearBegin, seriesList, seriesOf, seriesValues } from '../../analysis/calibration/periods.js';
import { scenarioSchema } from '../../scenarios/schema.js';

const measures = ['new_episodes', 'over_13_weeks_legal', 'exemptions'];
const read = (lines: readonly string[]) => parseObservations(['measure,period,value,sd', ...lines].join('\n'), measures, 'region.csv');

function planError(lines: readonly string[]): CalibrationDataError {
  try {
    planPeriods(read(lines), 'region.csv');
  } catch (error) {
    if (error instanceof CalibrationDataError) return error;
    throw error;
  }
  throw new Error('expected a CalibrationDataError');
}

describe('schoolYearBegin', () => {
  it.each([
    ['2023/24', 2023],
    ['1999/00', 1999],
    ['2099/00', 2099],
    ['2023/2024', null],
    ['2023-24', null],
    ['2023/25', null],
    ['2024/23', null],
    ['23/24', null],
    ['2023', null],
    ['2023/24 ', null],
    ['٢٠٢٣/٢٤', null],
    ['', null],
  ])('%j -> %j', (label, begin) => {
    expect(schoolYearBegin(label)).toBe(begin);
  });
});

describe('planPeriods', () => {
  it('keeps one period, whatever its label, on the all-years metrics of the scenario as given', () => {
    for (const period of ['2019', '2016/17', 'Q1 2020']) {
      const observations = read([`new_episodes,${period},4000,20`, `over_13_weeks_legal,${period},60,3`]);
      const plan = planPeriods(observations, 'region.csv');
      expect(plan).toEqual({ kind: 'single' });
      expect(seriesList(observations, plan)).toEqual([
        { key: 'new_episodes', measure: 'new_episodes', year: null },
        { key: 'over_13_weeks_legal', measure: 'over_13_weeks_legal', year: null },
      ]);
    }
  });

  it('starts the run on 1 August of the earliest school year and measures up to the latest, gaps included', () => {
    const observations = read(['new_episodes,2025/26,4100,20', 'new_episodes,2022/23,4000,20', 'over_13_weeks_legal,2023/24,60,3']);
    const plan = planPeriods(observations, 'region.csv');
    expect(plan).toEqual({ kind: 'school-years', start: '2022-08-01', measuredYears: 4, labels: ['2022/23', '2023/24', '2024/25', '2025/26'] });
    expect(observations.map((o) => seriesOf(o, plan))).toEqual([
      { key: 'new_episodes@2025/26', measure: 'new_episodes', year: 3 },
      { key: 'new_episodes@2022/23', measure: 'new_episodes', year: 0 },
      { key: 'over_13_weeks_legal@2023/24', measure: 'over_13_weeks_legal', year: 1 },
    ]);
  });

  it('crosses a century: 1999/00 is followed by 2000/01', () => {
    const plan = planPeriods(read(['exemptions,1999/00,3,1', 'exemptions,2000/01,4,1']), 'region.csv');
    expect(plan).toMatchObject({ start: '1999-08-01', labels: ['1999/00', '2000/01'] });
  });

  it('allows the longest run the scenario schema allows and no longer', () => {
    // The limit is read from the schema, so the two cannot drift apart.
    expect(MAX_PERIOD_YEARS).toBe(20);
    expect(scenarioSchema.safeParse({ measuredYears: MAX_PERIOD_YEARS }).success).toBe(true);
    expect(scenarioSchema.safeParse({ measuredYears: MAX_PERIOD_YEARS + 1 }).success).toBe(false);
    expect(planPeriods(read(['exemptions,2005/06,3,1', 'exemptions,2024/25,4,1']), 'x')).toMatchObject({ measuredYears: 20 });
  });

  // Each probe: the data rows, then the row, period and words the error must name.
  const refusals: Array<{ name: string; lines: string[]; row: number; period: string; expected: RegExp }> = [
    { name: 'a calendar year beside a school year', lines: ['exemptions,2023/24,3,1', 'exemptions,2024,4,1'], row: 3, period: '2024', expected: /a school year such as 2023\/24: the file has several periods \(2023\/24, 2024\)/ },
    { name: 'a four-digit second year', lines: ['exemptions,2023/2024,3,1', 'exemptions,2024/25,4,1'], row: 2, period: '2023/2024', expected: /a school year such as 2023\/24/ },
    { name: 'a dash', lines: ['exemptions,2023/24,3,1', 'exemptions,2024-25,4,1'], row: 3, period: '2024-25', expected: /a school year/ },
    { name: 'years that do not follow', lines: ['exemptions,2023/24,3,1', 'exemptions,2024/26,4,1'], row: 3, period: '2024/26', expected: /a school year/ },
    { name: 'quarters', lines: ['new_episodes,2023Q1,900,9', 'new_episodes,2023Q2,950,9'], row: 2, period: '2023Q1', expected: /a school year/ },
    { name: 'a period listing too long for one line', lines: ['exemptions,a,1,1', 'exemptions,b,1,1', 'exemptions,c,1,1', 'exemptions,d,1,1'], row: 2, period: 'a', expected: /several periods \(a, b, c, \.\.\.\)/ },
    {
      name: 'a span longer than a run can measure',
      lines: ['exemptions,2010/11,3,1', 'new_episodes,2030/31,4000,20', 'exemptions,2012/13,4,1'],
      row: 3, period: '2030/31', expected: /a school year from 2010\/11 \(row 2, the earliest\) to 2029\/30: a calibration run measures at most 20 school years/,
    },
    { name: 'a far earlier year', lines: ['exemptions,2024/25,3,1', 'exemptions,1990/91,4,1'], row: 2, period: '2024/25', expected: /from 1990\/91 \(row 3, the earliest\) to 2009\/10/ },
  ];
  for (const probe of refusals) {
    it(`refuses ${probe.name}, naming the file, the row, the period and what was expected`, () => {
      const error = planError(probe.lines);
      expect([error.row, error.column, error.value]).toEqual([probe.row, 'period', probe.period]);
      expect(error.message).toContain(`region.csv: row ${probe.row}, column period: got "${probe.period}"`);
      expect(error.expected).toMatch(probe.expected);
    });
  }
});

describe('seriesValues and the objective per school year', () => {
  // Three replications over three school years; the all-years metric is their mean, as the model reports it.
  const years = [
    [{ new_episodes: 100 }, { new_episodes: 110 }, { new_episodes: 121 }],
    [{ new_episodes: 102 }, { new_episodes: 111 }, { new_episodes: null }],
    [{ new_episodes: 98 }, { new_episodes: 112 }, { new_episodes: 119 }],
  ];
  const outputs = years.map((y) => ({ metrics: { new_episodes: 110 }, years: y }));

  it('reads each row its own year, and the all-years metric for one period', () => {
    const observations = read(['new_episodes,2023/24,100,2', 'new_episodes,2025/26,120,2']);
    const plan = planPeriods(observations, 'region.csv');
    const series = seriesList(observations, plan);
    expect(seriesValues(outputs, series)).toEqual({ 'new_episodes@2023/24': [100, 102, 98], 'new_episodes@2025/26': [121, null, 119] });
    const result = evaluateObjective(observations, seriesValues(outputs, series), { seriesKey: (o) => seriesOf(o, plan).key });
    expect(result.rows.map((r) => [r.period, r.simulated_mean])).toEqual([['2023/24', 100], ['2025/26', 120]]);
    // 2023/24: mean 100 = observed. 2025/26: mean 120 = observed. Both terms are zero: a fit per year,
    // where comparing every row with the all-years 110 would give ((110-100)/.)^2 + ((110-120)/.)^2 > 0.
    expect(result.value).toBe(0);
    const single = read(['new_episodes,2019,100,2']);
    expect(seriesValues(outputs, seriesList(single, planPeriods(single, 'x')))).toEqual({ new_episodes: [110, 110, 110] });
  });

  it('refuses outputs with fewer measured years than the plan needs', () => {
    const observations = read(['new_episodes,2023/24,100,2', 'new_episodes,2025/26,120,2']);
    const series = seriesList(observations, planPeriods(observations, 'x'));
    expect(() => seriesValues([{ metrics: { new_episodes: 1 }, years: [{ new_episodes: 1 }] }], series)).toThrow('replication 0 has 1 measured years, but series "new_episodes@2025/26" needs year 3');
  });

  it('gives single-period data the objective it had before periods had a meaning, to the bit', () => {
    const observations = read(['new_episodes,2019,4000,20', 'over_13_weeks_legal,2019,61.3,', 'exemptions,2019,<5,']);
    const simulated = { new_episodes: [3990.5, 4012.25, null, 3977], over_13_weeks_legal: [58, 66, 59.5, 62], exemptions: [4, 7, 3, 6] };
    const plan = planPeriods(observations, 'x');
    const withPlan = evaluateObjective(observations, seriesValues(
      [0, 1, 2, 3].map((r) => ({ metrics: { new_episodes: simulated.new_episodes[r]!, over_13_weeks_legal: simulated.over_13_weeks_legal[r]!, exemptions: simulated.exemptions[r]! } })),
      seriesList(observations, plan),
    ), { seriesKey: (o) => seriesOf(o, plan).key });
    // The value the code before periods (commit 86c8f98, each observation against simulated[measure])
    // gave for these inputs, printed with JSON.stringify: every bit of it.
    expect(withPlan.value).toBe(0.09028310685926083);
    expect(withPlan.rows).toEqual(evaluateObjective(observations, simulated).rows);
  });
});

// Goals: the grammar (a table of good and bad texts), resolution against the metric vocabulary and the
// run's years, and goal.json on synthetic outputs whose answer is known.
import { describe, expect, it } from 'vitest';
import { evaluateGoals, goalHolds, goalJson } from '../../analysis/goals/evaluate.js';
import { NATIONAL_GOAL, resolveGoals, type Goal } from '../../analysis/goals/resolve.js';
import type { YearlyFigures } from '../../analysis/scenario-runs/aggregate.js';
import { wilsonInterval } from '../../analysis/statistics/wilson.js';
import { goalText, parseGoal, type GoalExpression } from '../../scenarios/goal.js';

const GOOD: ReadonlyArray<readonly [text: string, parsed: GoalExpression, canonical: string]> = [
  ['over_13_weeks_legal<=0', { metric: 'over_13_weeks_legal', operator: '<=', target: { kind: 'absolute', value: 0 } }, 'over_13_weeks_legal<=0'],
  [' share_offer_within_13_weeks >= 0.9 ', { metric: 'share_offer_within_13_weeks', operator: '>=', target: { kind: 'absolute', value: 0.9 } }, 'share_offer_within_13_weeks>=0.9'],
  ['over_13_weeks_legal<=-75%@2025/26', { metric: 'over_13_weeks_legal', operator: '<=', target: { kind: 'relative', change: -0.75, reference: '2025/26' } }, 'over_13_weeks_legal<=-75%@2025/26'],
  ['exemptions<=-10%', { metric: 'exemptions', operator: '<=', target: { kind: 'relative', change: -0.1, reference: null } }, 'exemptions<=-10%'],
  ['cost_eur_total<=+5%@2099/00', { metric: 'cost_eur_total', operator: '<=', target: { kind: 'relative', change: 0.05, reference: '2099/00' } }, 'cost_eur_total<=5%@2099/00'],
  ['care_wait_weeks.ggz<=1e1', { metric: 'care_wait_weeks.ggz', operator: '<=', target: { kind: 'absolute', value: 10 } }, 'care_wait_weeks.ggz<=10'],
  ['thuiszitters_legal >= -75 % @ 2025/26', { metric: 'thuiszitters_legal', operator: '>=', target: { kind: 'relative', change: -0.75, reference: '2025/26' } }, 'thuiszitters_legal>=-75%@2025/26'],
  ['absolute_absence_cases<=-100%', { metric: 'absolute_absence_cases', operator: '<=', target: { kind: 'relative', change: -1, reference: null } }, 'absolute_absence_cases<=-100%'],
];

/** Bad texts: each error names the text, the wrong part and what was expected. */
const BAD: ReadonlyArray<readonly [text: string, words: readonly string[]]> = [
  ['over_13_weeks_legal<0', ["'<'", 'not allowed', '<= or >=']],
  ['over_13_weeks_legal=0', ["'='", 'not allowed', '<= or >=']],
  ['over_13_weeks_legal=<0', ["'=<'", '<= or >=']],
  ['over_13_weeks_legal', ['no comparison', '<= or >=']],
  ['', ['no comparison']],
  ['<=0', ['metric ""', 'metric name']],
  ['Over 13 weeks<=0', ['metric "Over 13 weeks"', 'metric name']],
  ['over_13_weeks_legal<=', ['value ""', 'a number']],
  ['over_13_weeks_legal<=zero', ['value "zero"', 'a number']],
  ['over_13_weeks_legal<=NaN', ['value "NaN"', 'a number']],
  ['over_13_weeks_legal<=Infinity', ['value "Infinity"', 'a number']],
  ['over_13_weeks_legal<=1e999', ['value "1e999"', 'a number']],
  ['over_13_weeks_legal<=0x10', ['value "0x10"', 'a number']],
  ['over_13_weeks_legal<=-7 5%', ['change "-7 5"', 'a number']],
  ['over_13_weeks_legal<=%', ['change ""', 'a number']],
  ['over_13_weeks_legal<=-150%', ['-150%', 'below -100%', '-100% or more']],
  ['over_13_weeks_legal<=0@2025/26', ["'@2025/26'", 'absolute value', 'relative change']],
  ['over_13_weeks_legal<=-75%@2025', ['"2025"', 'not a school year', '2025/26']],
  ['over_13_weeks_legal<=-75%@2025/27', ['"2025/27"', 'not a school year']],
  ['over_13_weeks_legal<=-75%@2025/26@2026/27', ["more than one '@'"]],
  ['over_13_weeks_legal<=0<=1', ['another comparison', 'one comparison']],
  ['over_13_weeks_legal>=>=1', ['another comparison']],
];

describe('goal grammar', () => {
  it.each(GOOD)('reads %j', (text, parsed, canonical) => {
    const goal = parseGoal(text);
    expect(goal.metric).toBe(parsed.metric);
    expect(goal.operator).toBe(parsed.operator);
    if (parsed.target.kind === 'relative' && goal.target.kind === 'relative') {
      expect(goal.target.change).toBeCloseTo(parsed.target.change, 12);
      expect(goal.target.reference).toBe(parsed.target.reference);
    } else expect(goal.target).toEqual(parsed.target);
    expect(goalText(goal)).toBe(canonical);
  });

  it.each(BAD)('refuses %j, naming the text, the part and the form expected', (text, words) => {
    let message = '';
    try {
      parseGoal(text);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(`goal ${JSON.stringify(text)}`);
    expect(message).toContain('expected');
    for (const word of words) expect(message).toContain(word);
  });
});

const run = (years: readonly string[], goal: readonly string[] = []) => ({ name: 'baseline', goal, years });

describe('resolving goals against a run', () => {
  it('starts with the national goal, then the scenario goals and --goal, each once; a bare % refers to the first year', () => {
    const goals = resolveGoals({
      scenarios: [run(['2026/27', '2027/28'], ['exemptions<=-10%', 'over_13_weeks_without_offer <= 0'])],
      options: ['exemptions<=-10%@2026/27', 'thuiszitters_legal<=-75%@2027/28'],
    });
    expect(goals.map((g) => [g.goal, g.source])).toEqual([
      [NATIONAL_GOAL, 'default'],
      ['exemptions<=-10%@2026/27', 'scenario'],
      ['thuiszitters_legal<=-75%@2027/28', 'option'],
    ]);
    expect(goals[1]!.target).toEqual({ kind: 'relative', change: -0.1, reference: '2026/27' });
  });

  it('refuses an unknown metric, listing the known ones', () => {
    expect(() => resolveGoals({ scenarios: [run(['2025/26'])], options: ['over_13_weeks<=0'] })).toThrow(
      /goal "over_13_weeks<=0" \(--goal\): 'over_13_weeks' is not a metric; expected one of .*over_13_weeks_legal.*cost_eur_total/,
    );
  });

  it('refuses a reference year outside the run, listing the run\'s years', () => {
    expect(() => resolveGoals({ scenarios: [run(['2025/26', '2026/27'])], options: ['exemptions<=-10%@2024/25'] })).toThrow(
      /goal "exemptions<=-10%@2024\/25" \(--goal\): the reference year 2024\/25 is not a measured year of scenario 'baseline'; expected one of its years: 2025\/26, 2026\/27/,
    );
  });

  it('names the scenario whose goal block holds a bad goal', () => {
    expect(() => resolveGoals({ scenarios: [{ name: 'amsterdam', goal: ['nope<=1'], years: ['2025/26'] }], options: [] })).toThrow(
      /goal "nope<=1" \(goal block of scenario 'amsterdam'\): 'nope' is not a metric/,
    );
    expect(() => resolveGoals({ scenarios: [run(['2025/26'])], options: ['exemptions<3'] })).toThrow(/goal "exemptions<3": the comparison '<' is not allowed.*\(--goal\)$/);
  });
});

/** Replications with one metric per year: values[r][y]. */
function outputs(values: ReadonlyArray<ReadonlyArray<number | null>>, metric = 'over_13_weeks_legal'): YearlyFigures[] {
  return values.map((years) => ({ metrics: {}, years: years.map((v) => ({ [metric]: v })) }));
}

const goal = (text: string, years: readonly string[]): Goal => resolveGoals({ scenarios: [run(years)], options: [text] }).at(-1)!;
const LABELS = ['2025/26', '2026/27', '2027/28'];

describe('goal.json on outputs whose answer is known', () => {
  it('a goal every replication meets in every year: share 1, CI [Wilson low, 1], first year the first', () => {
    const [outcome] = evaluateGoals([goal('over_13_weeks_legal<=0', LABELS)], [{ name: 'all', labels: LABELS, outputs: outputs(Array.from({ length: 20 }, () => [0, 0, 0])) }]);
    const scenario = outcome!.scenarios[0]!;
    expect(scenario.years.map((y) => y.share)).toEqual([1, 1, 1]);
    // Wilson for 20 of 20: low = n / (n + z^2) = 20 / 23.8415 = 0.8389.
    expect(scenario.years[0]!.ci95_low).toBeCloseTo(20 / (20 + 1.959963984540054 ** 2), 10);
    expect(scenario.years[0]!.ci95_high).toBe(1);
    expect(scenario.years.map((y) => y.n)).toEqual([20, 20, 20]);
    expect([scenario.first_year_80, scenario.first_year_95]).toEqual(['2025/26', '2025/26']);
  });

  it('a goal no replication meets: share 0, CI [0, Wilson high], no first year', () => {
    const [outcome] = evaluateGoals([goal('over_13_weeks_legal<=0', LABELS)], [{ name: 'none', labels: LABELS, outputs: outputs(Array.from({ length: 20 }, () => [3, 1, 2])) }]);
    const scenario = outcome!.scenarios[0]!;
    expect(scenario.years.map((y) => y.share)).toEqual([0, 0, 0]);
    expect(scenario.years[2]!.ci95_low).toBe(0);
    expect(scenario.years[2]!.ci95_high).toBeCloseTo(1.959963984540054 ** 2 / (20 + 1.959963984540054 ** 2), 10);
    expect([scenario.first_year_80, scenario.first_year_95]).toEqual([null, null]);
  });

  it('finds the first year past 80% and past 95% separately, and counts undefined values as not met', () => {
    // 20 replications; met in year 0 by 10, year 1 by 17 (85%), year 2 by 19 (95%); nulls never meet.
    const values = Array.from({ length: 20 }, (_, r) => [r < 10 ? 0 : 1, r < 17 ? 0 : null, r < 19 ? 0 : 2]);
    const [outcome] = evaluateGoals([goal('over_13_weeks_legal<=0', LABELS)], [{ name: 'ramp', labels: LABELS, outputs: outputs(values) }]);
    const scenario = outcome!.scenarios[0]!;
    expect(scenario.years.map((y) => y.share)).toEqual([0.5, 0.85, 0.95]);
    expect([scenario.first_year_80, scenario.first_year_95]).toEqual(['2026/27', '2027/28']);
  });

  it('a relative goal compares each replication with its own reference year', () => {
    const relative = goal('over_13_weeks_legal<=-75%@2025/26', LABELS);
    expect(goalHolds(relative, 2, 8)).toBe(true);
    expect(goalHolds(relative, 2.01, 8)).toBe(false);
    expect(goalHolds(relative, 0, 0)).toBe(true);
    expect(goalHolds(relative, 1, null)).toBe(false);
    const rising = goal('share_offer_within_13_weeks>=10%@2025/26', LABELS);
    expect(goalHolds(rising, 0.55, 0.5)).toBe(true);
    expect(goalHolds(rising, 0.54, 0.5)).toBe(false);
    // Replication 0 falls 100 -> 20 (met from year 2), replication 1 stays at 100 (never met).
    const [outcome] = evaluateGoals([relative], [{ name: 'r', labels: LABELS, outputs: outputs([[100, 50, 20], [100, 100, 100]]) }]);
    expect(outcome!.scenarios[0]!.years.map((y) => y.share)).toEqual([0, 0, 0.5]);
  });

  it('writes goal.json in the documented shape and order', () => {
    const goals = resolveGoals({ scenarios: [run(LABELS)], options: ['exemptions<=-10%'] });
    const json = JSON.parse(goalJson(evaluateGoals(goals, [{ name: 'baseline', labels: LABELS, outputs: outputs([[0, 0, 0]]) }]))) as { goals: Array<Record<string, unknown>> };
    expect(json.goals.map((g) => Object.keys(g))).toEqual([
      ['goal', 'metric', 'operator', 'target', 'source', 'scenarios'],
      ['goal', 'metric', 'operator', 'target', 'source', 'scenarios'],
    ]);
    expect(json.goals[1]!['target']).toEqual({ kind: 'relative', change: -0.1, reference: '2025/26' });
    const scenario = (json.goals[0]!['scenarios'] as Array<Record<string, unknown>>)[0]!;
    expect(Object.keys(scenario)).toEqual(['scenario', 'years', 'first_year_80', 'first_year_95']);
    expect(Object.keys((scenario['years'] as object[])[0]!)).toEqual(['label', 'share', 'ci95_low', 'ci95_high', 'n']);
  });
});

describe('wilsonInterval', () => {
  it('matches a hand-computed interval and stays inside [0, 1]', () => {
    // 8 of 10: centre (0.8 + 1.92073/10) / 1.384146 = 0.71671; half 0.277568 * 1.41580... = 0.2166
    const w = wilsonInterval(8, 10);
    expect(w.share).toBe(0.8);
    expect(w.ci95_low).toBeCloseTo(0.4902, 4);
    expect(w.ci95_high).toBeCloseTo(0.9433, 4);
    expect(wilsonInterval(0, 1)).toMatchObject({ share: 0, ci95_low: 0 });
    expect(wilsonInterval(0, 0).n).toBe(0);
    expect(() => wilsonInterval(3, 2)).toThrow(/successes must be a whole number from 0 to n = 2, got 3/);
    expect(() => wilsonInterval(1, 1.5)).toThrow(/n must be a whole number/);
  });
});

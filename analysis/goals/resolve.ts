// Which goals a run checks, and each one made concrete: the national goal (nobody at home more than
// 13 weeks without a fitting offer, 004) always, then every scenario's own `goal:` block, then each
// `--goal`; the metric must be one a replication reports and a relative goal's reference year one the
// run measures. The same goal given twice is checked once, under its first source.
import { z } from 'zod';
import { goalText, parseGoal, type GoalExpression, type GoalOperator } from '../../scenarios/goal.js';
import { metricNames } from '../../sim/model/metric-vocabulary.js';

/** Nobody over 13 weeks at home without a fitting offer: the national goal (002, 004), under the legal definition. */
export const NATIONAL_GOAL = 'over_13_weeks_without_offer<=0';

export type GoalSource = 'default' | 'scenario' | 'option';

/** A goal ready to check: the reference year of a relative goal is a label of the run. */
export interface Goal {
  /** Canonical text, the reference year written out. */
  goal: string;
  metric: string;
  operator: GoalOperator;
  target: { kind: 'absolute'; value: number } | { kind: 'relative'; change: number; reference: string };
  source: GoalSource;
}

export interface GoalRequest {
  text: string;
  source: GoalSource;
  /** How the goal is named in an error: 'the national goal', "scenario 'amsterdam'", '--goal'. */
  from: string;
}

export class GoalError extends Error {
  constructor(request: GoalRequest, part: string, expected: string) {
    super(`goal ${JSON.stringify(request.text)} (${request.from}): ${part}; expected ${expected}`);
    this.name = 'GoalError';
  }
}

/** `years`: the measured school years of the run's scenarios, the reference scenario's first. */
function resolveOne(request: GoalRequest, expression: GoalExpression, years: ReadonlyArray<{ scenario: string; labels: readonly string[] }>): Goal {
  const known: readonly string[] = metricNames();
  if (!known.includes(expression.metric)) {
    throw new GoalError(request, `'${expression.metric}' is not a metric`, `one of ${known.join(', ')}`);
  }
  const target = expression.target;
  if (target.kind === 'absolute') return { goal: goalText(expression), metric: expression.metric, operator: expression.operator, target, source: request.source };
  const first = years[0]?.labels[0];
  if (first === undefined) throw new GoalError(request, 'the run measures no school year', 'a run of one or more measured years');
  const reference = target.reference ?? first;
  for (const { scenario, labels } of years) {
    if (!labels.includes(reference)) {
      throw new GoalError(request, `the reference year ${reference} is not a measured year of scenario '${scenario}'`, `one of its years: ${labels.join(', ')}`);
    }
  }
  const resolved = { kind: 'relative' as const, change: target.change, reference };
  return { goal: goalText({ ...expression, target: resolved }), metric: expression.metric, operator: expression.operator, target: resolved, source: request.source };
}

export interface GoalSettings {
  /** Each scenario's name, its `goal:` block and its measured school years; the reference first. */
  scenarios: ReadonlyArray<{ name: string; goal: readonly string[]; years: readonly string[] }>;
  /** The `--goal` texts, in the order given. */
  options: readonly string[];
}

/** Every goal of a run, in order: national, the scenarios' own, the options'; each once. */
export function resolveGoals(settings: GoalSettings): Goal[] {
  const requests: GoalRequest[] = [
    { text: NATIONAL_GOAL, source: 'default', from: 'the national goal' },
    ...settings.scenarios.flatMap((s) => s.goal.map((text): GoalRequest => ({ text, source: 'scenario', from: `goal block of scenario '${s.name}'` }))),
    ...settings.options.map((text): GoalRequest => ({ text, source: 'option', from: '--goal' })),
  ];
  const years = settings.scenarios.map((s) => ({ scenario: s.name, labels: s.years }));
  const goals: Goal[] = [];
  for (const request of requests) {
    // parseGoal names the text, the wrong part and the form; the source is added here.
    let expression: GoalExpression;
    try {
      expression = parseGoal(request.text);
    } catch (error) {
      throw new Error(`${(error as Error).message} (${request.from})`);
    }
    const goal = resolveOne(request, expression, years);
    if (!goals.some((g) => g.goal === goal.goal)) goals.push(goal);
  }
  return goals;
}

/** A resolved goal as a plan read back from disk holds it (merge): checked, never trusted. */
export const storedGoalSchema = z.strictObject({
  goal: z.string().max(200),
  metric: z.string().refine((name) => (metricNames() as readonly string[]).includes(name), { message: 'expected a metric of the model' }),
  operator: z.enum(['<=', '>=']),
  target: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('absolute'), value: z.number() }),
    z.strictObject({ kind: z.literal('relative'), change: z.number().min(-1), reference: z.string() }),
  ]),
  source: z.enum(['default', 'scenario', 'option']),
});

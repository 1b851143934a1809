// goal.json: for every goal, scenario and measured school year, the share of replications in which
// the goal holds (with its Wilson 95% interval), and the first school year in which it holds in at
// least 80% and in at least 95% of the replications. A share of replications, not a mean: "the goal
// is met in 2029/30 in 9 runs out of 10" is the statement a ministry can plan on.
import { stableJson } from '../output/json.js';
import type { ReplicationOutput } from '../../sim/model/replication.js';
import type { YearlyFigures } from '../scenario-runs/aggregate.js';
import { scenarioBlocks } from '../scenario-runs/compare-outputs.js';
import type { ScenarioRunOptions } from '../scenario-runs/plan.js';
import { wilsonInterval, type ShareInterval } from '../statistics/wilson.js';
import type { Goal } from './resolve.js';

/** The shares a first year must reach, as goal.json names them (first_year_80, first_year_95). */
export const FIRST_YEAR_SHARES = [0.8, 0.95] as const;

export interface GoalYear extends ShareInterval {
  label: string;
}

export interface GoalScenario {
  scenario: string;
  years: GoalYear[];
  first_year_80: string | null;
  first_year_95: string | null;
}

export interface GoalOutcome extends Goal {
  scenarios: GoalScenario[];
}

export interface GoalRun {
  name: string;
  /** The scenario's measured school years, in order. */
  labels: readonly string[];
  outputs: readonly YearlyFigures[];
}

/**
 * Whether the goal holds for one replication's value in a year. A relative goal compares with the same
 * replication's value in the reference year: `<=-75%` holds when value <= (1 - 0.75) x reference. A
 * value the replication did not define (null: a median never reached) counts as the goal not held:
 * nothing shows that it was.
 */
export function goalHolds(goal: Goal, value: number | null | undefined, referenceValue: number | null | undefined): boolean {
  if (value === null || value === undefined) return false;
  let bound: number;
  if (goal.target.kind === 'absolute') bound = goal.target.value;
  else if (referenceValue === null || referenceValue === undefined) return false;
  else bound = (1 + goal.target.change) * referenceValue;
  return goal.operator === '<=' ? value <= bound : value >= bound;
}

function evaluateScenario(goal: Goal, run: GoalRun): GoalScenario {
  const referenceIndex = goal.target.kind === 'relative' ? run.labels.indexOf(goal.target.reference) : -1;
  const years = run.labels.map((label, index): GoalYear => {
    const held = run.outputs.filter((o) => goalHolds(goal, o.years[index]?.[goal.metric], o.years[referenceIndex]?.[goal.metric])).length;
    return { label, ...wilsonInterval(held, run.outputs.length) };
  });
  const firstYear = (share: number): string | null => years.find((y) => y.share >= share)?.label ?? null;
  return { scenario: run.name, years, first_year_80: firstYear(FIRST_YEAR_SHARES[0]), first_year_95: firstYear(FIRST_YEAR_SHARES[1]) };
}

/** Fields in the order goal.json documents, whatever order a plan read back from disk holds them in. */
export function evaluateGoals(goals: readonly Goal[], runs: readonly GoalRun[]): GoalOutcome[] {
  return goals.map((goal) => {
    const t = goal.target;
    const target: Goal['target'] = t.kind === 'absolute' ? { kind: t.kind, value: t.value } : { kind: t.kind, change: t.change, reference: t.reference };
    const scenarios = runs.map((run) => evaluateScenario(goal, run));
    return { goal: goal.goal, metric: goal.metric, operator: goal.operator, target, source: goal.source, scenarios };
  });
}

/** The goals of a run or compare plan, each scenario checked on its own block of replications. */
export function evaluatePlanGoals(options: ScenarioRunOptions, results: readonly ReplicationOutput[]): GoalOutcome[] {
  const blocks = scenarioBlocks(options, results);
  return evaluateGoals(options.goals, options.scenarios.map((s, i) => ({ name: s.name, labels: s.years, outputs: blocks[i] ?? [] })));
}

export function goalJson(outcomes: readonly GoalOutcome[]): string {
  return stableJson({ goals: outcomes });
}

// The grammar of a goal, as a scenario's `goal:` block and `--goal` write it: `metric<=value`,
// `metric>=value`, or a relative change from a reference school year, `metric<=-75%@2025/26` (the way
// Amsterdam writes its targets, 003). Only the form is checked here; whether the metric exists and the
// reference year lies inside the run is known once the run is planned (analysis/goals/resolve.ts).
import { z } from 'zod';

export type GoalOperator = '<=' | '>=';

export type GoalTarget =
  | { kind: 'absolute'; value: number }
  /** change -0.75 is -75%; reference null: the run's first measured school year. */
  | { kind: 'relative'; change: number; reference: string | null };

export interface GoalExpression {
  metric: string;
  operator: GoalOperator;
  target: GoalTarget;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const METRIC = /^[a-z][a-z0-9_]*(\.[a-z0-9_-]+)?$/;
const SCHOOL_YEAR = /^(\d{4})\/(\d{2})$/;
const FORMS = 'metric<=value, metric>=value or metric<=-75%@2025/26';

export class GoalSyntaxError extends Error {
  constructor(readonly text: string, part: string, expected: string) {
    super(`goal ${JSON.stringify(text)}: ${part}; expected ${expected}`);
    this.name = 'GoalSyntaxError';
  }
}

function parseNumber(text: string, goal: string, what: string): number {
  const value = Number(text);
  if (!NUMBER.test(text) || !Number.isFinite(value)) throw new GoalSyntaxError(goal, `${what} ${JSON.stringify(text)} is not a number`, `a number such as 0, 12.5 or -75`);
  return value;
}

function parseTarget(text: string, goal: string): GoalTarget {
  const [untrimmed = '', reference, ...more] = text.split('@');
  const amount = untrimmed.trim();
  if (more.length > 0) throw new GoalSyntaxError(goal, `the target ${JSON.stringify(text)} has more than one '@'`, 'one reference school year at most, as -75%@2025/26');
  if (!amount.endsWith('%')) {
    if (reference !== undefined) throw new GoalSyntaxError(goal, `the reference year '@${reference}' follows an absolute value`, 'a reference year only after a relative change, as -75%@2025/26');
    return { kind: 'absolute', value: parseNumber(amount, goal, 'the value') };
  }
  const change = parseNumber(amount.slice(0, -1).trim(), goal, 'the change') / 100;
  if (change < -1) throw new GoalSyntaxError(goal, `the change ${amount} is below -100%`, 'a change of -100% or more (no count falls below zero)');
  if (reference === undefined) return { kind: 'relative', change, reference: null };
  const year = SCHOOL_YEAR.exec(reference.trim());
  if (year === null || (Number(year[1]) + 1) % 100 !== Number(year[2])) {
    throw new GoalSyntaxError(goal, `the reference year ${JSON.stringify(reference)} is not a school year`, 'a school year written as 2025/26');
  }
  return { kind: 'relative', change, reference: reference.trim() };
}

/** Reads one goal text; throws a GoalSyntaxError naming the text, the wrong part and the expected form. */
export function parseGoal(text: string): GoalExpression {
  const match = /(<=|>=)/.exec(text);
  if (match === null) {
    const wrong = /==|=>|=<|!=|<|>|=/.exec(text);
    throw new GoalSyntaxError(text, wrong === null ? 'it has no comparison' : `the comparison '${wrong[0]}' is not allowed`, `<= or >=, as in ${FORMS}`);
  }
  const metric = text.slice(0, match.index).trim();
  const operator = match[0] as GoalOperator;
  const rest = text.slice(match.index + 2).trim();
  if (!METRIC.test(metric)) throw new GoalSyntaxError(text, `the metric ${JSON.stringify(metric)} is not a metric name`, `a metric name of summary.json before the comparison, as in ${FORMS}`);
  if (/[<>=]/.test(rest)) throw new GoalSyntaxError(text, `the target ${JSON.stringify(rest)} holds another comparison`, `one comparison, as in ${FORMS}`);
  return { metric, operator, target: parseTarget(rest, text) };
}

/** The goal as canonical text: the same goal written twice (spaces, +0) reads the same. */
export function goalText(goal: GoalExpression): string {
  const target = goal.target;
  if (target.kind === 'absolute') return `${goal.metric}${goal.operator}${target.value}`;
  const percent = Number((target.change * 100).toPrecision(12));
  return `${goal.metric}${goal.operator}${percent}%${target.reference === null ? '' : `@${target.reference}`}`;
}

/** The scenario's `goal:` block: a list of goal texts, each checked for its form when the file loads. */
export const goalListSchema = z
  .array(
    z.string().superRefine((text, context) => {
      try {
        parseGoal(text);
      } catch (error) {
        if (!(error instanceof GoalSyntaxError)) throw error;
        context.addIssue({ code: 'custom', message: error.message });
      }
    }),
  )
  .max(100)
  .default([]);

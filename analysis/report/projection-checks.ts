// Checks across fields that the schema cannot see one field at a time: each scenario measures
// consecutive school years and its calendar starts in the first of them, the scenarios' years lie close
// enough together to share one time axis, and goal.json speaks of the years and scenarios the report
// has. A report input that breaks one of these was not written by thuiszit, and drawing it would
// mislabel a chart. Scenarios may measure different years (compare pairs the years they share).
import { schoolYearLabel } from '../../scenarios/calendar.js';
import type { GoalReport, ScenarioReport } from './report-input.js';

interface Projection {
  scenarios: readonly ScenarioReport[];
  goals?: readonly GoalReport[] | undefined;
}

/** Scenarios of one report whose years lie further apart than this do not share a time axis. */
const MAX_SPAN_YEARS = 40;

/** 2025 for '2025/26'; the schema checked the form of labels read from disk, this checks those made in memory. */
function firstYear(label: string): number {
  if (!/^\d{4}\/\d{2}$/.test(label)) throw new Error(`report input: year label '${label}' is not a school year such as 2025/26`);
  return Number(label.slice(0, 4));
}

function labelOf(first: number): string {
  return `${first}/${String((first + 1) % 100).padStart(2, '0')}`;
}

/** The first and last school year any scenario measures (as first calendar years), or null when none has years. */
function span(input: Pick<Projection, 'scenarios'>): { from: number; to: number } | null {
  const firsts = input.scenarios.flatMap((s) => (s.years ?? []).map((y) => firstYear(y.label)));
  return firsts.length === 0 ? null : { from: Math.min(...firsts), to: Math.max(...firsts) };
}

function spanProblem(input: Pick<Projection, 'scenarios'>): string | null {
  const years = span(input);
  if (years === null || years.to - years.from < MAX_SPAN_YEARS) return null;
  return `the scenarios' school years run from ${labelOf(years.from)} to ${labelOf(years.to)}; expected them within ${MAX_SPAN_YEARS} years of each other`;
}

/**
 * The school years of the report's time axis: from the earliest year any scenario measures to the
 * latest, every year in between; [] when no scenario has years.
 */
export function projectionLabels(input: Pick<Projection, 'scenarios'>): string[] {
  const problem = spanProblem(input);
  if (problem !== null) throw new Error(`report input: ${problem}`);
  const years = span(input);
  return years === null ? [] : Array.from({ length: years.to - years.from + 1 }, (_, k) => labelOf(years.from + k));
}

function yearProblems(input: Pick<Projection, 'scenarios'>): string | null {
  for (const [i, s] of input.scenarios.entries()) {
    const own = (s.years ?? []).map((y) => y.label);
    for (const [k, label] of own.entries()) {
      const previous = own[k - 1];
      if (previous !== undefined && firstYear(label) !== firstYear(previous) + 1) {
        return `scenarios[${i}].years[${k}].label '${label}' does not follow '${previous}'; expected consecutive school years`;
      }
    }
    if (s.calendar !== undefined && own[0] !== undefined && schoolYearLabel(s.calendar.start, 0) !== own[0]) {
      return `scenarios[${i}].calendar.start '${s.calendar.start}' lies in school year ${schoolYearLabel(s.calendar.start, 0)}; expected a date in the scenario's first measured year, ${own[0]}`;
    }
  }
  return spanProblem(input);
}

function goalProblems(input: Projection, labels: readonly string[]): string | null {
  const byName = new Map(input.scenarios.map((s) => [s.name, (s.years ?? []).map((y) => y.label)]));
  const known = new Set(labels);
  for (const [g, goal] of (input.goals ?? []).entries()) {
    if (goal.target.kind === 'relative' && !known.has(goal.target.reference)) {
      return `goals[${g}].target.reference '${goal.target.reference}' is not a measured school year; expected one of ${labels.join(', ') || '(none: no scenario has years)'}`;
    }
    for (const [k, entry] of goal.scenarios.entries()) {
      const at = `goals[${g}].scenarios[${k}]`;
      const own = byName.get(entry.scenario);
      if (own === undefined) return `${at}.scenario '${entry.scenario}' is not a scenario of this report; expected one of ${[...byName.keys()].join(', ')}`;
      const years = entry.years.map((y) => y.label);
      if (years.join(',') !== own.join(',')) return `${at}.years are ${years.join(', ') || '(none)'}; expected the school years ${entry.scenario} measures, ${own.join(', ') || '(none)'}`;
      for (const field of ['first_year_80', 'first_year_95'] as const) {
        const label = entry[field];
        if (label !== null && !own.includes(label)) return `${at}.${field} '${label}' is not a school year ${entry.scenario} measures; expected one of ${own.join(', ')} or null`;
      }
    }
  }
  return null;
}

/** The first inconsistency, naming the field, the value and what was expected; null when there is none. */
export function checkProjection(input: Projection): string | null {
  const years = yearProblems(input);
  return years ?? goalProblems(input, projectionLabels(input));
}

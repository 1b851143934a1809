// Checks across fields that the schema cannot see one field at a time: the scenarios of one report
// measure the same school years (their differences are paired year by year), a calendar starts in the
// first of them, and goal.json speaks of those years and of scenarios the report has. A report input
// that breaks one of these was not written by thuiszit, and drawing it would mislabel a chart.
import { schoolYearLabel } from '../../scenarios/calendar.js';
import type { GoalReport, ScenarioReport } from './report-input.js';

interface Projection {
  scenarios: readonly ScenarioReport[];
  goals?: readonly GoalReport[] | undefined;
}

/** The school years the report's scenarios measure: those of the first scenario that has years. */
export function projectionLabels(input: Pick<Projection, 'scenarios'>): string[] {
  return input.scenarios.find((s) => s.years !== undefined)?.years?.map((y) => y.label) ?? [];
}

function yearProblems(input: Pick<Projection, 'scenarios'>, labels: readonly string[]): string | null {
  for (const [i, s] of input.scenarios.entries()) {
    if (s.years === undefined) continue;
    const own = s.years.map((y) => y.label);
    if (own.join(',') !== labels.join(',')) {
      return `scenarios[${i}].years are ${own.join(', ')}; expected the school years of the other scenarios (${labels.join(', ')})`;
    }
    for (const [k, label] of own.entries()) {
      const previous = own[k - 1];
      if (previous !== undefined && Number(label.slice(0, 4)) !== Number(previous.slice(0, 4)) + 1) {
        return `scenarios[${i}].years[${k}].label '${label}' does not follow '${previous}'; expected consecutive school years`;
      }
    }
    if (s.calendar !== undefined && own[0] !== undefined && schoolYearLabel(s.calendar.start, 0) !== own[0]) {
      return `scenarios[${i}].calendar.start '${s.calendar.start}' lies in school year ${schoolYearLabel(s.calendar.start, 0)}; expected a date in the first measured year, ${own[0]}`;
    }
  }
  return null;
}

function goalProblems(input: Projection, labels: readonly string[]): string | null {
  const names = new Set(input.scenarios.map((s) => s.name));
  const known = new Set(labels);
  for (const [g, goal] of (input.goals ?? []).entries()) {
    if (goal.target.kind === 'relative' && !known.has(goal.target.reference)) {
      return `goals[${g}].target.reference '${goal.target.reference}' is not a measured school year; expected one of ${labels.join(', ') || '(none: no scenario has years)'}`;
    }
    for (const [k, entry] of goal.scenarios.entries()) {
      const at = `goals[${g}].scenarios[${k}]`;
      if (!names.has(entry.scenario)) return `${at}.scenario '${entry.scenario}' is not a scenario of this report; expected one of ${[...names].join(', ')}`;
      const years = entry.years.map((y) => y.label);
      if (years.join(',') !== labels.join(',')) return `${at}.years are ${years.join(', ')}; expected the measured school years ${labels.join(', ')}`;
      for (const field of ['first_year_80', 'first_year_95'] as const) {
        const label = entry[field];
        if (label !== null && !known.has(label)) return `${at}.${field} '${label}' is not a measured school year; expected one of ${labels.join(', ')} or null`;
      }
    }
  }
  return null;
}

/** The first inconsistency, naming the field, the value and what was expected; null when there is none. */
export function checkProjection(input: Projection): string | null {
  const labels = projectionLabels(input);
  return yearProblems(input, labels) ?? goalProblems(input, labels);
}

// A scenario's timeline: dated changes (`from`, `set`, optionally `rampYears`) turned into the versions of
// the scenario in force over a projection. A switch takes effect at its date; a numeric value with a ramp
// moves in weekly steps from the value in force at its date to its target, reached exactly rampYears later
// (integer fields move toward the target by whole steps, so they never reach it early). A later entry that
// sets the same path takes it over from its own date. Every version is validated as a whole scenario, so
// an impossible combination at some date is an error naming the entry, the path and the value.
import type { z } from 'zod';
import { WEEKS_PER_YEAR, weeksFromStart } from './calendar.js';
import { formatDotPath, isPlainObject, parseDotPath, pathsOverlap, valueAtPath } from './dot-path.js';
import type { PathSegment } from './dot-path.js';
import { describeValue } from './errors.js';
import { applyOverrides } from './overrides.js';
import { isIntegerAt, schemaNodesAt } from './schema-walk.js';

export interface TimelineEntry {
  from: string;
  rampYears: number;
  set: Record<string, unknown>;
}

/** What a timeline needs of a scenario. */
export interface Timed {
  start: string;
  measuredYears: number;
  timeline: TimelineEntry[];
}

/** The scenario in force from `week` (weeks after the start of the first measured year; the first is 0). */
export interface ScenarioVersion<T> {
  week: number;
  scenario: T;
}

export interface TimelineProblem {
  entry: number;
  path: string;
  message: string;
}

/**
 * Fields a timeline cannot change: the run's own frame (its calendar, length and name), and the number of
 * schools, which fixes each pupil's school for the whole projection.
 */
export const FIXED_OVER_TIME = [
  'name', 'description', 'start', 'timeline', 'trend', 'goal', 'warmupYears', 'measuredYears', 'followUpYears', 'region.schools',
] as const;

interface Change {
  week: number;
  order: number;
  entry: number;
  path: string;
  segments: PathSegment[];
  value: unknown;
}

/** The value a fraction f of the way from `from` to `to`: numbers move, anything else switches at once. */
function interpolate(schema: z.ZodType, segments: readonly PathSegment[], from: unknown, to: unknown, f: number): unknown {
  if (typeof from === 'number' && typeof to === 'number') {
    const step = (to - from) * f;
    // Integers move by whole steps toward the target, so the target is reached at the ramp's end and not before.
    return isIntegerAt(schema, segments) ? from + Math.trunc(step) : from + step;
  }
  if (isPlainObject(from) && isPlainObject(to)) {
    return Object.fromEntries(Object.entries(to).map(([key, value]) => [key, interpolate(schema, [...segments, key], from[key], value, f)]));
  }
  return to;
}

/**
 * The changes of a `set` as dot paths and values. A nested mapping (what `--set timeline.0.set.care.ggz.capacity=5`
 * writes) is the same as its dotted path; a distribution (an object with a `type`) is one value.
 */
function leafChanges(set: Record<string, unknown>, prefix = ''): Array<[string, unknown]> {
  return Object.entries(set).flatMap(([key, value]): Array<[string, unknown]> => {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    return isPlainObject(value) && !('type' in value) ? leafChanges(value, path) : [[path, value]];
  });
}

function stateAt<T extends Timed>(base: T, changes: readonly Change[], week: number): Record<string, unknown> {
  const state = structuredClone(base) as unknown as Record<string, unknown>;
  state['timeline'] = [];
  const due = changes.filter((c) => c.week <= week).sort((a, b) => a.week - b.week || a.order - b.order);
  applyOverrides(
    state,
    due.map((c) => ({ text: c.path, segments: c.segments, value: c.value })),
    () => ({}),
  );
  return state;
}

function pathProblem(schema: z.ZodType, segments: readonly PathSegment[]): string | null {
  const fixed = FIXED_OVER_TIME.find((path) => pathsOverlap(parseDotPath(path), segments));
  if (fixed !== undefined) return `'${fixed}' is fixed for the whole run (expected a path other than ${FIXED_OVER_TIME.join(', ')})`;
  if (schemaNodesAt(schema, segments).length === 0) return 'expected a path that exists in the scenario schema (as --set accepts)';
  return null;
}

/**
 * The versions of `scenario` over its run, in time order, each parsed by `parse` (the schema without the
 * timeline check); problems instead when an entry is out of range or makes some version invalid.
 */
export function timelineVersions<T extends Timed>(
  scenario: T,
  schema: z.ZodType<T>,
): { versions: ScenarioVersion<T>[]; problems: TimelineProblem[] } {
  if (scenario.timeline.length === 0) return { versions: [{ week: 0, scenario }], problems: [] };
  const problems: TimelineProblem[] = [];
  const end = scenario.measuredYears * WEEKS_PER_YEAR;
  const entries = scenario.timeline
    .map((entry, index) => ({ entry, index, week: weeksFromStart(scenario.start, entry.from) }))
    .sort((a, b) => a.week - b.week || a.index - b.index);
  const changes: Change[] = [];
  let order = 0;
  for (const { entry, index, week } of entries) {
    if (week >= end) {
      problems.push({ entry: index, path: 'from', message: `${entry.from} is not inside the run (expected a date before the end of the last measured year, ${scenario.measuredYears} years after start ${scenario.start})` });
      continue;
    }
    for (const [path, target] of leafChanges(entry.set)) {
      const segments = parseDotPath(path);
      const problem = pathProblem(schema, segments);
      if (problem !== null) {
        problems.push({ entry: index, path: `set.${path}`, message: problem });
        continue;
      }
      // A later entry takes the path over from its own date.
      for (let i = changes.length - 1; i >= 0; i--) if ((changes[i] as Change).path === path && (changes[i] as Change).week >= week) changes.splice(i, 1);
      const add = (at: number, value: unknown) => changes.push({ week: at, order: order++, entry: index, path, segments, value });
      if (entry.rampYears <= 0) {
        add(week, target);
        continue;
      }
      const before = valueAtPath(stateAt(scenario, changes, week), segments).value;
      const steps = Math.max(1, Math.round(entry.rampYears * WEEKS_PER_YEAR));
      for (let k = 0; k <= steps; k++) add(week + k, interpolate(schema, segments, before, target, k / steps));
    }
  }
  if (problems.length > 0) return { versions: [], problems };
  const weeks = [0, ...new Set(changes.map((c) => c.week).filter((w) => w > 0))].sort((a, b) => a - b);
  const versions: ScenarioVersion<T>[] = [];
  for (const week of weeks) {
    const parsed = schema.safeParse(stateAt(scenario, changes, week));
    if (parsed.success) {
      versions.push({ week, scenario: parsed.data });
      continue;
    }
    for (const issue of parsed.error.issues) {
      const blamed = [...changes].reverse().find((c) => c.week <= week && pathsOverlap(c.segments, issue.path as PathSegment[]));
      const at = formatDotPath(issue.path as PathSegment[]);
      const value = valueAtPath(stateAt(scenario, changes, week), issue.path as PathSegment[]).value;
      problems.push({
        entry: blamed?.entry ?? 0,
        path: blamed === undefined ? 'set' : `set.${blamed.path}`,
        message: `${at} would be ${describeValue(value)} ${blamed === undefined ? '' : `from ${scenario.timeline[blamed.entry]?.from ?? ''} on`} (${issue.message})`,
      });
    }
    return { versions: [], problems };
  }
  return { versions, problems: [] };
}

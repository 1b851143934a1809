// Gathers a scenario's projection for the report: its per-year figures and paired differences as
// compare computes them (comparison.json's `years`), and its calendar from the resolved scenario's
// `start` and `timeline` (the issue 9 contract). Pure, so the command line and the web app agree.
import type { MetricSummary } from '../statistics/summary.js';
import type { ScenarioCalendar, YearReport } from './projection-input.js';

/** The scenario fields a projection's calendar is read from (scenarios/schema.ts, issue 9 contract). */
export interface ProjectionScenario {
  start?: string;
  timeline?: ReadonlyArray<{ from: string; rampYears?: number; set: Readonly<Record<string, unknown>> }>;
}

/** What compare gives per scenario for a projection: the years of its aggregate and their paired differences. */
export interface ComparedYears {
  aggregate: { years?: ReadonlyArray<{ label: string; metrics: Record<string, MetricSummary> }> };
  yearDifferences?: ReadonlyArray<Record<string, MetricSummary> | null>;
}

/** The start and dated changes of a resolved scenario; undefined for a scenario without a start. */
export function calendarOf(scenario: ProjectionScenario): ScenarioCalendar | undefined {
  if (scenario.start === undefined) return undefined;
  return {
    start: scenario.start,
    changes: (scenario.timeline ?? []).map((entry) => ({ from: entry.from, rampYears: entry.rampYears ?? 0, paths: Object.keys(entry.set) })),
  };
}

/** The per-year figures of one compared scenario; undefined when compare measured no years. */
export function yearReportsOf(compared: ComparedYears): YearReport[] | undefined {
  const years = compared.aggregate.years;
  if (years === undefined || years.length === 0) return undefined;
  return years.map((year, i) => ({ label: year.label, metrics: year.metrics, difference: compared.yearDifferences?.[i] ?? null }));
}

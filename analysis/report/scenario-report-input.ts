// Turns compared scenarios into the report's input: the report draws, this file only gathers. Pure
// (the version is handed in), so the command line and the web app gather the same input.
import { listParams } from '../../scenarios/params.js';
import type { Scenario } from '../../scenarios/schema.js';
import type { ComparedScenario } from '../scenario-runs/compare-outputs.js';
import type { GoalReport, ReportInput, ScenarioReport } from './report-input.js';
import { scenarioEntry } from './scenario-entry.js';
import { calendarOf, yearReportsOf, type ProjectionScenario } from './projection-of.js';

/** What a projection adds: the resolved scenarios in compared order (their calendars) and goal.json's goals. */
export interface ReportProjection {
  scenarios: readonly ProjectionScenario[];
  goals: readonly GoalReport[];
}

function scenarioReports(compared: readonly ComparedScenario[], projection: ReportProjection | undefined): ScenarioReport[] {
  return compared.map((c, i) => {
    const years = yearReportsOf(c);
    const resolved = projection?.scenarios[i];
    const calendar = resolved === undefined ? undefined : calendarOf(resolved);
    return {
      ...scenarioEntry(c.planned),
      metrics: c.aggregate.metrics,
      difference: c.difference,
      weekly: c.aggregate.weekly,
      histograms: c.aggregate.histograms,
      ...(years === undefined ? {} : { years }),
      ...(calendar === undefined ? {} : { calendar }),
    };
  });
}

function defaultTitle(names: readonly string[]): string {
  if (names.length === 1) return `thuiszit: scenario ${names[0]}`;
  if (names.length <= 3) return `thuiszit: ${names.join(' vs ')}`;
  return `thuiszit: ${names.length - 1} policy scenarios against ${names[0]}`;
}

export interface ReportSettings {
  seed: number;
  replications: number;
  command: string;
  version: string;
  title?: string;
}

export function scenarioReportInput(compared: readonly ComparedScenario[], reference: Scenario, settings: ReportSettings, projection?: ReportProjection): ReportInput {
  return {
    title: settings.title ?? defaultTitle(compared.map((c) => c.planned.name)),
    version: settings.version,
    seed: settings.seed,
    replications: settings.replications,
    command: settings.command,
    scenarios: scenarioReports(compared, projection),
    parameters: listParams(reference),
    ...(projection === undefined || projection.goals.length === 0 ? {} : { goals: [...projection.goals] }),
  };
}

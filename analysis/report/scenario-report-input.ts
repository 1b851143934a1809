// Turns compared scenarios into the report's input: the report draws, this file only gathers. Pure
// (the version is handed in), so the command line and the web app gather the same input.
import { listParams } from '../../scenarios/params.js';
import type { Scenario } from '../../scenarios/schema.js';
import type { ComparedScenario } from '../scenario-runs/compare-outputs.js';
import type { ReportInput, ScenarioReport } from './report-input.js';
import { scenarioEntry } from './scenario-entry.js';

function scenarioReports(compared: readonly ComparedScenario[]): ScenarioReport[] {
  return compared.map((c) => ({
    ...scenarioEntry(c.planned),
    metrics: c.aggregate.metrics,
    difference: c.difference,
    weekly: c.aggregate.weekly,
    histograms: c.aggregate.histograms,
  }));
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

export function scenarioReportInput(compared: readonly ComparedScenario[], reference: Scenario, settings: ReportSettings): ReportInput {
  return {
    title: settings.title ?? defaultTitle(compared.map((c) => c.planned.name)),
    version: settings.version,
    seed: settings.seed,
    replications: settings.replications,
    command: settings.command,
    scenarios: scenarioReports(compared),
    parameters: listParams(reference),
  };
}

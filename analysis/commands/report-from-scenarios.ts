// Turns compared scenarios into the report's input: the report draws, this file only gathers.
import { listParams } from '../../scenarios/params.js';
import type { Scenario } from '../../scenarios/schema.js';
import type { ReportInput, ScenarioReport } from '../report/report-input.js';
import { scenarioEntry } from '../report/scenario-entry.js';
import type { ComparedScenario } from '../scenario-runs/compare-outputs.js';
import { thuiszitVersion } from '../version.js';

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

export function reportInput(
  compared: readonly ComparedScenario[],
  reference: Scenario,
  settings: { seed: number; replications: number; command: string; title?: string },
): ReportInput {
  return {
    title: settings.title ?? defaultTitle(compared.map((c) => c.planned.name)),
    version: thuiszitVersion(),
    seed: settings.seed,
    replications: settings.replications,
    command: settings.command,
    scenarios: scenarioReports(compared),
    parameters: listParams(reference),
  };
}

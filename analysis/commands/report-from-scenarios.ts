// Turns compared scenarios into the report's input: the report draws, this file only gathers.
import YAML from 'yaml';
import { listParams } from '../../scenarios/params.js';
import type { Scenario } from '../../scenarios/schema.js';
import type { ReportInput, ScenarioReport } from '../report/report-input.js';
import type { ComparedScenario } from '../scenario-runs/compare-outputs.js';
import { thuiszitVersion } from '../version.js';

export function scenarioReports(compared: readonly ComparedScenario[]): ScenarioReport[] {
  return compared.map((c) => ({
    name: c.planned.name,
    description: c.planned.description,
    stated: YAML.stringify(c.planned.stated ?? {}),
    sha256: c.planned.sha256,
    metrics: c.aggregate.metrics,
    difference: c.difference,
    weekly: c.aggregate.weekly,
    histograms: c.aggregate.histograms,
  }));
}

export function reportInput(
  compared: readonly ComparedScenario[],
  reference: Scenario,
  settings: { seed: number; replications: number; command: string; title?: string },
): ReportInput {
  return {
    title: settings.title ?? `thuiszit: ${compared.map((c) => c.planned.name).join(' vs ')}`,
    version: thuiszitVersion(),
    seed: settings.seed,
    replications: settings.replications,
    command: settings.command,
    scenarios: scenarioReports(compared),
    parameters: listParams(reference),
  };
}

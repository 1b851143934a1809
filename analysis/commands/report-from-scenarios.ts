// The report input of run, compare and merge: the scenarios' figures and this package's version.
import type { Scenario } from '../../scenarios/schema.js';
import type { ReportInput } from '../report/report-input.js';
import { scenarioReportInput, type ReportProjection } from '../report/scenario-report-input.js';
import type { ComparedScenario } from '../scenario-runs/compare-outputs.js';
import { thuiszitVersion } from '../version.js';

export function reportInput(
  compared: readonly ComparedScenario[],
  reference: Scenario,
  settings: { seed: number; replications: number; command: string; title?: string },
  projection?: ReportProjection,
): ReportInput {
  return scenarioReportInput(compared, reference, { ...settings, version: thuiszitVersion() }, projection);
}

// A scenario as the report names it: what it is, what its file states and its hash (the report's
// reproducibility footer cites it). Without figures it is the one scenario a sensitivity study or
// calibration varies; a run or compare adds its metrics.
import YAML from 'yaml';
import type { ScenarioReport } from './report-input.js';

export function scenarioEntry(scenario: { name: string; description: string; sha256: string; stated: unknown }): ScenarioReport {
  return {
    name: scenario.name,
    description: scenario.description,
    stated: YAML.stringify(scenario.stated ?? {}),
    sha256: scenario.sha256,
    metrics: {},
    difference: null,
    weekly: [],
    histograms: {},
  };
}

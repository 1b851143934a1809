// The scenario a sensitivity study or calibration varies, as the report's one scenario entry: it
// names the scenario, what its file states and its hash (the report's reproducibility footer cites
// it). No metrics: the study's figures are its design points, shown in the study's own section.
import YAML from 'yaml';
import type { ScenarioReport } from '../report/report-input.js';

export function studiedScenarioReport(scenario: { name: string; description: string; sha256: string; stated: unknown }): ScenarioReport {
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

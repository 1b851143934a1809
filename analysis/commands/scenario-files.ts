// The commands that read scenario files without running them: validate, params, schema.
import { loadScenario } from '../../scenarios/load.js';
import { scenarioJsonSchema } from '../../scenarios/json-schema.js';
import { listParams } from '../../scenarios/params.js';
import { resolveGoals } from '../goals/resolve.js';
import { visibleText } from '../output/visible-text.js';
import { scenarioYears } from '../scenario-runs/plan.js';

export function validateCommand(file: string): string {
  const loaded = loadScenario(file);
  // The goal block's form is checked on load; its metrics and reference years only against a run.
  resolveGoals({ scenarios: [{ name: loaded.name, goal: loaded.scenario.goal, years: scenarioYears(loaded.scenario) }], options: [] });
  return visibleText(`${file}: valid scenario '${loaded.name}' (sha256 ${loaded.sha256})\n`);
}

export function paramsCommand(scenario: string, sets: readonly string[], json: boolean): string {
  const params = listParams(loadScenario(scenario, sets).scenario);
  if (json) return JSON.stringify(params, null, 2) + '\n';
  const width = Math.max(...params.map((p) => p.path.length));
  const valueWidth = Math.max(...params.map((p) => String(p.value).length));
  return params.map((p) => `${p.path.padEnd(width)}  ${String(p.value).padStart(valueWidth)}  ${p.provenance}`).join('\n') + '\n';
}

export function schemaCommand(): string {
  return JSON.stringify(scenarioJsonSchema(), null, 2) + '\n';
}

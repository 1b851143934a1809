// The commands that read scenario files without running them: validate, params, schema.
import { loadScenario } from '../../scenarios/load.js';
import { scenarioJsonSchema } from '../../scenarios/json-schema.js';
import { listParams } from '../../scenarios/params.js';
import { visibleText } from '../output/visible-text.js';

export function validateCommand(file: string): string {
  const loaded = loadScenario(file);
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

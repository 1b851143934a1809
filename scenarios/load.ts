// The scenario loader bound to the domain schema and the package's built-in scenario files.
import { builtinScenarioDir, diskScenarioFiles } from './files.js';
import { createScenarioLoader } from './loader.js';
import type { LoadedScenarioOf, ObjectSource, ScenarioLoader } from './loader.js';
import { scenarioSchema } from './schema.js';
import type { Scenario } from './schema.js';

export { ScenarioError } from './errors.js';
export type LoadedScenario = LoadedScenarioOf<Scenario>;

let loader: ScenarioLoader<Scenario> | undefined;

// Built lazily: finding the package root touches the file system, which importing should not.
function domainLoader(): ScenarioLoader<Scenario> {
  loader ??= createScenarioLoader({ schema: scenarioSchema, files: diskScenarioFiles(builtinScenarioDir()) });
  return loader;
}

/** `ref` is a built-in name ('baseline') or a .yaml/.yml/.json path; `sets` are 'path=value' overrides. */
export function loadScenario(ref: string, sets: readonly string[] = []): LoadedScenario {
  return domainLoader().load(ref, sets);
}

/** A scenario given as an object (a relative `extends` resolves against `source.baseDir`). */
export function loadScenarioObject(raw: unknown, source: ObjectSource, sets: readonly string[] = []): LoadedScenario {
  return domainLoader().loadObject(raw, source, sets);
}

export function listBuiltinScenarios(): string[] {
  return domainLoader().listBuiltin();
}

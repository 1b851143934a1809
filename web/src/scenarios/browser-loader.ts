// The domain scenario loader bound to the bundled built-in scenarios: the same merging, overrides,
// validation and messages as `thuiszit run --scenario X --set ...`.
import { createScenarioLoader, type ScenarioLoader } from '../../../scenarios/loader.js';
import type { LoadedScenario } from '../../../scenarios/load.js';
import { parseScenarioText } from '../../../scenarios/parse-text.js';
import { scenarioSchema, type Scenario } from '../../../scenarios/schema.js';
import type { ScenarioChoice } from '../state/url-state.js';
import { choiceFromFile } from '../state/scenario-sets.js';
import { bundledScenarioFiles } from './bundled-files.js';

export function browserScenarioLoader(texts: Readonly<Record<string, string>>, userFiles: Readonly<Record<string, string>> = {}): ScenarioLoader<Scenario> {
  return createScenarioLoader({ schema: scenarioSchema, files: bundledScenarioFiles(texts, userFiles) });
}

/** A choice as the command line would load it; '' extends nothing, as a file without `extends`. */
export function loadChoice(loader: ScenarioLoader<Scenario>, choice: ScenarioChoice): LoadedScenario {
  return choice.ref === '' ? loader.loadObject({}, { name: 'scenario' }, choice.sets) : loader.load(choice.ref, choice.sets);
}

/** A scenario file's text, checked as the command line checks a file: a ScenarioError names the file and field. */
export function choiceFromText(texts: Readonly<Record<string, string>>, text: string, fileName: string): ScenarioChoice {
  const fields = parseScenarioText(text, fileName);
  // Loaded by its name, as `thuiszit run --scenario <file>` loads it: the same checks, labels and name.
  const loaded = browserScenarioLoader(texts, { [fileName]: text }).load(fileName);
  // A file that states no name is called after itself, on the page as on the command line.
  return choiceFromFile(Object.hasOwn(fields, 'name') ? fields : { ...fields, name: loaded.name });
}

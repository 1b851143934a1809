// The scenario loader's files in the browser: the package's built-in scenario files, bundled as text
// at build time. There is no file system, so `extends` names a built-in scenario; a file the user
// drops on the page is one more file, found by its own name, and may extend any built-in one.
import { ScenarioError } from '../../../scenarios/errors.js';
import type { ScenarioFiles, ScenarioRefContext } from '../../../scenarios/loader.js';
import { parseScenarioText } from '../../../scenarios/parse-text.js';

const PREFIX = 'builtin:';
const USER = 'user:';

/** `texts` are the built-in scenarios by name; `userFiles` files the visitor loaded, by file name. */
export function bundledScenarioFiles(texts: Readonly<Record<string, string>>, userFiles: Readonly<Record<string, string>> = {}): ScenarioFiles {
  const names = Object.keys(texts).sort();
  const nameOf = (id: string): string => id.slice(id.indexOf(':') + 1);
  return {
    resolve(ref: string, context: ScenarioRefContext): string {
      if (Object.hasOwn(texts, ref)) return PREFIX + ref;
      if (context.field === 'scenario' && Object.hasOwn(userFiles, ref)) return USER + ref;
      const looksLikePath = /[\\/]|\.(ya?ml|json)$/.test(ref);
      throw new ScenarioError({
        path: context.field,
        value: ref,
        expected: `a built-in scenario (${names.join(', ')})`,
        file: context.file,
        problem: looksLikePath
          ? `the web app reads no files by path, got ${JSON.stringify(ref)}; expected a built-in scenario (${names.join(', ')}), or load that file on the page`
          : undefined,
      });
    },
    label: (id) => (id.startsWith(USER) ? nameOf(id) : `${nameOf(id)}.yaml`),
    read: (id, label) => parseScenarioText((id.startsWith(USER) ? userFiles[nameOf(id)] : texts[nameOf(id)]) ?? '', label),
    dirOf: () => '',
    baseName: (id) => (id.startsWith(USER) ? nameOf(id) : `${nameOf(id)}.yaml`),
    workingDir: () => '',
    listBuiltin: () => names,
  };
}

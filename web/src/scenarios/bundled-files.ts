// The scenario loader's files in the browser: the package's built-in scenario files, bundled as text
// at build time. There is no file system, so `extends` names a built-in scenario; a file the user
// drops on the page is read by its text (see browser-loader.ts) and may extend any built-in one.
import { ScenarioError } from '../../../scenarios/errors.js';
import type { ScenarioFiles, ScenarioRefContext } from '../../../scenarios/loader.js';
import { parseScenarioText } from '../../../scenarios/parse-text.js';

const PREFIX = 'builtin:';

export function bundledScenarioFiles(texts: Readonly<Record<string, string>>): ScenarioFiles {
  const names = Object.keys(texts).sort();
  return {
    resolve(ref: string, context: ScenarioRefContext): string {
      if (Object.hasOwn(texts, ref)) return PREFIX + ref;
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
    label: (id) => `${id.slice(PREFIX.length)}.yaml`,
    read: (id, label) => parseScenarioText(texts[id.slice(PREFIX.length)] ?? '', label),
    dirOf: () => '',
    baseName: (id) => `${id.slice(PREFIX.length)}.yaml`,
    workingDir: () => '',
    listBuiltin: () => names,
  };
}

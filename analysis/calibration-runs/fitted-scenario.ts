// The scenario file a calibration hands back: it extends the calibrated scenario and states the
// fitted values (and any --set overrides), ready for `thuiszit compare`.
import path from 'node:path';
import YAML from 'yaml';
import { parseDotPath } from '../../scenarios/dot-path.js';

function setNested(root: Record<string, unknown>, dotPath: string, value: unknown): void {
  const segments = parseDotPath(dotPath).map(String);
  let node = root;
  for (const segment of segments.slice(0, -1)) {
    const next = node[segment];
    if (next === undefined || next === null || typeof next !== 'object') node[segment] = {};
    node = node[segment] as Record<string, unknown>;
  }
  node[segments[segments.length - 1]!] = value;
}

/** `extends` is the built-in name, or the scenario file's path relative to the output folder. */
export function fittedScenarioYaml(
  reference: { ref: string; sourcePath: string | null; builtin: boolean },
  out: string,
  name: string,
  sets: readonly string[],
  fitted: Readonly<Record<string, number>>,
  header: string,
): string {
  const extendsRef = reference.builtin || reference.sourcePath === null ? reference.ref : path.relative(path.resolve(out), reference.sourcePath);
  const document: Record<string, unknown> = { extends: extendsRef, name, description: `Calibrated from ${reference.ref}` };
  for (const set of sets) {
    const at = set.indexOf('=');
    setNested(document, set.slice(0, at), YAML.parse(set.slice(at + 1)) as unknown);
  }
  for (const [key, value] of Object.entries(fitted)) setNested(document, key, value);
  return `${header.split('\n').map((line) => `# ${line}`).join('\n')}\n${YAML.stringify(document)}`;
}

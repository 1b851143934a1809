// Scenario text to a mapping of fields: the part of reading a scenario file that needs no file system,
// shared by the command line (files.ts) and the web app (a file dropped on the page).
import YAML, { LineCounter } from 'yaml';
import { isPlainObject } from './dot-path.js';
import { ScenarioError } from './errors.js';

/**
 * Parses YAML (JSON is read the same way: YAML 1.2 contains it) into a mapping of fields. An empty file is
 * an empty mapping: a scenario that states nothing is the default region.
 */
export function parseScenarioText(text: string, label: string): Record<string, unknown> {
  const lineCounter = new LineCounter();
  const doc = YAML.parseDocument(text, { prettyErrors: false, uniqueKeys: true, lineCounter });
  const firstError = doc.errors[0];
  if (firstError !== undefined) {
    const position = lineCounter.linePos(firstError.pos[0]);
    const reason = firstError.message.split('\n')[0] ?? firstError.message;
    throw new ScenarioError({
      path: '',
      value: text.split('\n')[position.line - 1]?.trim(),
      expected: 'valid YAML',
      file: label,
      line: position.line,
      column: position.col,
      problem: `invalid YAML (${firstError.code}): ${reason}`,
    });
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  if (data === null || data === undefined) return {};
  if (!isPlainObject(data)) {
    throw new ScenarioError({ path: '', value: data, expected: 'a mapping of scenario fields (key: value lines)', file: label });
  }
  return data;
}

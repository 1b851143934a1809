// Scenario text to a mapping of fields: the part of reading a scenario file that needs no file system,
// shared by the command line (files.ts) and the web app (a file dropped on the page).
import YAML, { isScalar, LineCounter, type Document } from 'yaml';
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
  refuseProtoKeys(doc, lineCounter, label);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // The yaml library refuses an alias bomb (aliases that expand exponentially) by throwing.
    throw new ScenarioError({ path: '', value: undefined, expected: 'YAML without excessive aliases', file: label, problem: `refused: ${(error as Error).message} (expected at most 100 alias expansions)` });
  }
  if (data === null || data === undefined) return {};
  if (!isPlainObject(data)) {
    throw new ScenarioError({ path: '', value: data, expected: 'a mapping of scenario fields (key: value lines)', file: label });
  }
  return data;
}

/**
 * `__proto__:` is no scenario field; turned into JavaScript it would set the object's prototype, so a
 * field would be neither read nor reported. Refused where it is written, with its line.
 */
function refuseProtoKeys(doc: Document, lineCounter: LineCounter, label: string): void {
  YAML.visit(doc, {
    Pair(_, pair) {
      if (!isScalar(pair.key) || pair.key.value !== '__proto__') return;
      const position = lineCounter.linePos(pair.key.range?.[0] ?? 0);
      throw new ScenarioError({
        path: '__proto__', value: '__proto__', expected: 'a scenario field', file: label, line: position.line, column: position.col,
        problem: "'__proto__' is not a scenario field (refused: it would change the object's prototype instead of setting a field)",
      });
    },
  });
}

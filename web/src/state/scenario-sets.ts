// A scenario in the page is a built-in scenario plus overrides in the command line's `--set` form.
// These helpers keep one override per path, turn a form value into override text, turn a loaded
// file into overrides and back into the YAML file a user downloads (only what differs).
import YAML from 'yaml';
import type { z } from 'zod';
import { isPlainObject } from '../../../scenarios/dot-path.js';
import { applyOverrides, parseOverride } from '../../../scenarios/overrides.js';
import type { ScenarioChoice } from './url-state.js';

export function setPath(set: string): string {
  const equals = set.indexOf('=');
  return (equals < 0 ? set : set.slice(0, equals)).trim();
}

export function setValueText(set: string): string {
  const equals = set.indexOf('=');
  return equals < 0 ? '' : set.slice(equals + 1).trim();
}

/** Override text for a value: JSON, which the override parser reads as YAML, so strings stay strings. */
export function valueText(value: unknown): string {
  return typeof value === 'number' || typeof value === 'boolean' || value === null ? String(value) : JSON.stringify(value);
}

/** The overrides with the one at `path` replaced (or added at the end); null removes it. */
export function withSet(sets: readonly string[], path: string, value: string | null): string[] {
  const text = value === null ? null : `${path}=${value}`;
  const index = sets.findIndex((set) => setPath(set) === path);
  if (index < 0) return text === null ? [...sets] : [...sets, text];
  const next = [...sets];
  if (text === null) next.splice(index, 1);
  else next[index] = text;
  return next;
}

/** A mapping is flattened field by field; lists and distributions (mappings tagged by `type`) stay whole. */
function flatten(value: unknown, prefix: string, out: string[]): void {
  if (isPlainObject(value) && !Object.hasOwn(value, 'type')) {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix === '' ? key : `${prefix}.${key}`, out);
    return;
  }
  out.push(`${prefix}=${valueText(value)}`);
}

/** A scenario file's fields as the page holds them: what it extends, and every field it states as an override. */
export function choiceFromFile(fields: Record<string, unknown>): ScenarioChoice {
  const { extends: parent, ...own } = fields;
  const sets: string[] = [];
  flatten(own, '', sets);
  return { ref: typeof parent === 'string' ? parent : '', sets };
}

/** What a choice states, nested as a scenario file states it: `extends` first, then the overrides. */
export function statedFields(choice: ScenarioChoice, schema: z.ZodType): Record<string, unknown> {
  const root: Record<string, unknown> = choice.ref === '' ? {} : { extends: choice.ref };
  applyOverrides(root, choice.sets.map((set) => parseOverride(set, schema)), (_, nextIsIndex) => (nextIsIndex ? [] : {}));
  return root;
}

/** The scenario file a user downloads: only what differs from the scenario it extends. */
export function scenarioYaml(choice: ScenarioChoice, schema: z.ZodType): string {
  return YAML.stringify(statedFields(choice, schema));
}

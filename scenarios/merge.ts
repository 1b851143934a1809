// How a scenario that `extends` another combines with it. Mappings merge key by key so a child file states
// only what it changes; lists and scalars replace, because merging two lists of breakpoints or weights
// element by element would produce a list neither file states.
import { isPlainObject } from './dot-path.js';

export function deepMerge(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return structuredClone(override);
  const merged: Record<string, unknown> = structuredClone(base);
  for (const [key, value] of Object.entries(override)) {
    merged[key] = Object.hasOwn(merged, key) ? deepMerge(merged[key], value) : structuredClone(value);
  }
  return merged;
}

// The fingerprint of a resolved scenario: two runs with the same sha256 ran the same inputs, however the
// files that produced them were laid out (key order, comments, extends chains).
import { isPlainObject } from './dot-path.js';
import { sha256Hex } from './sha256.js';

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isPlainObject(value)) return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = sortKeys(value[key]);
  return sorted;
}

/** JSON with object keys sorted at every depth and no whitespace. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

export function sha256Of(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}

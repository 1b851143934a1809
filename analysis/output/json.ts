// JSON with rounded numbers and keys in the order the writer built them (never a hash-map order),
// so that equal inputs give equal bytes.
import { roundForOutput } from './round.js';

function canonicalValue(value: unknown): unknown {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    return roundForOutput(value);
  }
  if (Array.isArray(value)) return value.map(canonicalValue);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return Object.fromEntries(entries.map(([k, v]) => [k, canonicalValue(v)]));
  }
  return value;
}

export function stableJson(value: unknown, indent = 2): string {
  return JSON.stringify(canonicalValue(value), null, indent) + '\n';
}

// The plan hash must not depend on how an object happened to be built, so the plan is hashed in a
// canonical form: object keys sorted, no whitespace. Values JSON cannot carry faithfully (NaN,
// functions, class instances, undefined array elements) are refused rather than silently converted,
// because a converted option would make two different plans hash alike. Properties whose value is
// undefined are left out, as JSON.stringify does: with exactOptionalPropertyTypes they mean "absent".
import { sha256Hex } from '../../scenarios/sha256.js';

export { sha256Hex };

export function canonicalJson(value: unknown): string {
  return encode(value, '$');
}

function encode(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) {
        throw new Error(`plan value at ${path} is ${String(value)}; expected a finite number (JSON has no NaN or Infinity)`);
      }
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        return `[${value.map((element, index) => encode(element, `${path}[${index}]`)).join(',')}]`;
      }
      const prototype: unknown = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && prototype !== null) {
        throw new Error(`plan value at ${path} is a ${describe(value)}; expected a plain object, array or JSON primitive`);
      }
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record).filter((key) => record[key] !== undefined).sort();
      return `{${keys.map((key) => `${JSON.stringify(key)}:${encode(record[key], `${path}.${key}`)}`).join(',')}}`;
    }
    default:
      throw new Error(`plan value at ${path} is of type ${typeof value}; expected a JSON value`);
  }
}

function describe(value: object): string {
  const name = (value as { constructor?: { name?: string } }).constructor?.name;
  return name === undefined ? 'non-plain object' : name;
}

// The one canonical JSON every hash in thuiszit is taken of: a scenario's fingerprint and a work
// plan's hash alike. Object keys are sorted at every depth and there is no whitespace, so a hash does
// not depend on how an object happened to be built (key order, comments, extends chains). Values JSON
// cannot carry faithfully (NaN, functions, class instances, undefined array elements) are refused
// rather than silently converted, because a converted value would make two different inputs hash
// alike. Properties whose value is undefined are left out, as JSON.stringify does: with
// exactOptionalPropertyTypes they mean "absent". It lives here, below analysis/, so the scenarios
// layer and the execution layer share it.
import { sha256Hex } from './sha256.js';

export { sha256Hex } from './sha256.js';

/** `what` names the value in a refusal, e.g. 'plan value' gives "plan value at $.options.rate is NaN". */
export function canonicalJson(value: unknown, what = 'value'): string {
  return encode(value, '$', what);
}

export function sha256Of(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}

function encode(value: unknown, path: string, what: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) {
        throw new Error(`${what} at ${path} is ${String(value)}; expected a finite number (JSON has no NaN or Infinity)`);
      }
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        return `[${value.map((element, index) => encode(element, `${path}[${index}]`, what)).join(',')}]`;
      }
      const prototype: unknown = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && prototype !== null) {
        throw new Error(`${what} at ${path} is a ${describe(value)}; expected a plain object, array or JSON primitive`);
      }
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record).filter((key) => record[key] !== undefined).sort();
      return `{${keys.map((key) => `${JSON.stringify(key)}:${encode(record[key], `${path}.${key}`, what)}`).join(',')}}`;
    }
    default:
      throw new Error(`${what} at ${path} is of type ${typeof value}; expected a JSON value`);
  }
}

function describe(value: object): string {
  const name = (value as { constructor?: { name?: string } }).constructor?.name;
  return name === undefined ? 'non-plain object' : name;
}

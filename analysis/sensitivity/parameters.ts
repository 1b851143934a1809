// Parameter ranges for sensitivity analysis and calibration, given on the command line as
// `path=low:high` (e.g. `care.ggz.capacity=2:8`). A parameter point is a record from dot path to
// value, the same shape scenarios/params.ts `withParams` accepts.
//
// Sensitivity also takes switches and categorical choices, `path=a,b[,c...]` (e.g.
// `policy.budgets.mode=separate,bundled`, `policy.casusregisseur.enabled=false,true`). Such a
// parameter is a range over the positions 0 .. L-1 of its L choices: a design's coordinate u in
// [0, 1] picks choice floor(u L) (the last for u = 1), so uniform draws (Sobol) give every choice
// the same chance, a Morris grid step always moves to another choice, and OAT's low and high are
// the first and the last choice. Design points hold the position; the run sets the choice.
import YAML from 'yaml';

/** A value a switch or categorical choice can take in a scenario file. */
export type ChoiceValue = string | number | boolean;

export interface ParamRange {
  path: string;
  low: number;
  high: number;
  /** Categorical: the choices, at positions low = 0 .. high = L - 1. */
  choices?: ChoiceValue[];
}

export type ParamPoint = Record<string, number>;

// Dot path segments as scenario fields are written: letters, digits, '_' and '-' (care types such
// as `jeugd-ggz` may carry a dash). Validation against the schema is withParams' job.
const PATH_PATTERN = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;

function parseBound(text: string, which: 'low' | 'high', option: string, whole: string): number {
  const trimmed = text.trim();
  const value = trimmed === '' ? NaN : Number(trimmed);
  if (!Number.isFinite(value)) {
    throw new Error(`${option} "${whole}": ${which} bound "${text}" is not a finite number (expected path=low:high, e.g. care.ggz.capacity=2:8)`);
  }
  return value;
}

/** Parse `path=low:high`; `option` names the command-line option in error messages. */
export function parseParamRange(text: string, option = '--param'): ParamRange {
  const equals = text.indexOf('=');
  if (equals < 0) {
    throw new Error(`${option} "${text}": missing "=" (expected path=low:high, e.g. care.ggz.capacity=2:8)`);
  }
  const path = text.slice(0, equals).trim();
  if (!PATH_PATTERN.test(path)) {
    throw new Error(`${option} "${text}": parameter path "${path}" is not a dot path (expected e.g. care.ggz.capacity)`);
  }
  const bounds = text.slice(equals + 1);
  // Split on the only ':'; numbers never contain one, so a second ':' is a typo worth reporting.
  const parts = bounds.split(':');
  if (parts.length !== 2) {
    throw new Error(`${option} "${text}": range "${bounds}" must be low:high with exactly one ":"`);
  }
  const low = parseBound(parts[0] as string, 'low', option, text);
  const high = parseBound(parts[1] as string, 'high', option, text);
  if (!(low < high)) {
    throw new Error(`${option} "${text}": low bound ${low} must be less than high bound ${high}`);
  }
  return { path, low, high };
}

/** A choice as a scenario file would read it: true is a switch, 12 a number, anything else text. */
function parseChoice(text: string): ChoiceValue {
  const trimmed = text.trim();
  const value: unknown = YAML.parse(trimmed);
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : trimmed;
}

/** Parse `path=low:high` or, for a switch or categorical choice, `path=a,b[,c...]`. */
export function parseSensitivityParam(text: string, option = '--param'): ParamRange {
  const equals = text.indexOf('=');
  if (equals < 0 || !text.slice(equals + 1).includes(',')) return parseParamRange(text, option);
  const path = text.slice(0, equals).trim();
  if (!PATH_PATTERN.test(path)) {
    throw new Error(`${option} "${text}": parameter path "${path}" is not a dot path (expected e.g. policy.budgets.mode)`);
  }
  const texts = text.slice(equals + 1).split(',');
  if (texts.some((t) => t.trim() === '')) {
    throw new Error(`${option} "${text}": an empty choice (expected path=a,b with two or more choices, e.g. policy.budgets.mode=separate,bundled)`);
  }
  const choices = texts.map(parseChoice);
  const keys = choices.map((c) => JSON.stringify(c));
  const repeated = keys.find((key, i) => keys.indexOf(key) !== i);
  if (repeated !== undefined) throw new Error(`${option} "${text}": the choice ${repeated} is given twice (expected distinct choices)`);
  return { path, low: 0, high: choices.length - 1, choices };
}

/** Parse several ranges and reject a path given twice (the second would silently win otherwise). */
export function parseParamRanges(texts: readonly string[], option = '--param', parse: (text: string, option: string) => ParamRange = parseParamRange): ParamRange[] {
  const ranges = texts.map((text) => parse(text, option));
  const seen = new Set<string>();
  for (const range of ranges) {
    if (seen.has(range.path)) throw new Error(`${option}: parameter "${range.path}" is given more than once`);
    seen.add(range.path);
  }
  if (ranges.length === 0) throw new Error(`${option}: at least one parameter range is required`);
  return ranges;
}

/** Map a unit-cube coordinate u in [0, 1] onto the range; for choices, onto a choice's position. */
export function scaleToRange(range: ParamRange, u: number): number {
  if (range.choices !== undefined) return Math.min(range.choices.length - 1, Math.floor(u * range.choices.length));
  return range.low + u * (range.high - range.low);
}

/** Outputs of a design must line up one-to-one with its points and be finite numbers. */
export function checkOutputs(method: string, expected: number, outputs: readonly number[]): void {
  if (outputs.length !== expected) {
    throw new RangeError(`${method}: expected ${expected} outputs (one per design point, in design order), got ${outputs.length}`);
  }
  outputs.forEach((value, index) => {
    if (!Number.isFinite(value)) {
      throw new RangeError(`${method}: outputs[${index}] must be a finite number, got ${value}`);
    }
  });
}

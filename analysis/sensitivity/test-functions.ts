// Functions with known Sobol indices, to check the sensitivity methods end to end (tests and a
// self-check command can run them through the same design/analyse path as the model).
import type { ParamPoint, ParamRange } from './parameters.js';

export interface TestFunction {
  ranges: ParamRange[];
  evaluate(point: Readonly<ParamPoint>): number;
  /** Analytic first-order and total Sobol indices, in the order of ranges. */
  firstOrder: number[];
  total: number[];
}

function read(point: Readonly<ParamPoint>, path: string): number {
  const value = point[path];
  if (value === undefined) throw new RangeError(`test function: point has no value for "${path}"`);
  return value;
}

/**
 * Ishigami: y = sin x1 + a sin^2 x2 + b x3^4 sin x1 with x_i ~ U(-pi, pi). Variance parts
 * (Sobol' & Levitan 1999): V1 = (1 + b pi^4 / 5)^2 / 2, V2 = a^2 / 8, V3 = 0,
 * V13 = b^2 pi^8 (1/18 - 1/50), V = V1 + V2 + V13. For a = 7, b = 0.1:
 * S = (0.3139, 0.4424, 0), ST = (0.5576, 0.4424, 0.2437).
 */
export function ishigamiFunction(a = 7, b = 0.1): TestFunction {
  const ranges = ['x1', 'x2', 'x3'].map((path) => ({ path, low: -Math.PI, high: Math.PI }));
  const pi4 = Math.PI ** 4;
  const v1 = 0.5 * (1 + (b * pi4) / 5) ** 2;
  const v2 = (a * a) / 8;
  const v13 = b * b * pi4 * pi4 * (1 / 18 - 1 / 50);
  const v = v1 + v2 + v13;
  return {
    ranges,
    evaluate: (point) => {
      const x1 = read(point, 'x1');
      const x2 = read(point, 'x2');
      const x3 = read(point, 'x3');
      return Math.sin(x1) + a * Math.sin(x2) ** 2 + b * x3 ** 4 * Math.sin(x1);
    },
    firstOrder: [v1 / v, v2 / v, 0],
    total: [(v1 + v13) / v, v2 / v, v13 / v],
  };
}

/**
 * Linear model y = sum c_i x_i with independent x_i ~ U(low_i, high_i). Without interactions
 * S_i = ST_i = c_i^2 var_i / sum_j c_j^2 var_j, var_i = (high_i - low_i)^2 / 12.
 */
export function linearFunction(coefficients: readonly number[], ranges: readonly ParamRange[]): TestFunction {
  if (coefficients.length !== ranges.length) {
    throw new RangeError(`linearFunction: ${coefficients.length} coefficients for ${ranges.length} ranges; expected one per range`);
  }
  const parts = ranges.map((range, i) => (coefficients[i] as number) ** 2 * ((range.high - range.low) ** 2 / 12));
  const v = parts.reduce((s, x) => s + x, 0);
  const shares = parts.map((part) => part / v);
  return {
    ranges: ranges.map((range) => ({ ...range })),
    evaluate: (point) => ranges.reduce((sum, range, i) => sum + (coefficients[i] as number) * read(point, range.path), 0),
    firstOrder: shares,
    total: [...shares],
  };
}

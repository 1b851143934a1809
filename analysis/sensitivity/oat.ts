// One-at-a-time sensitivity: every parameter is moved to its low and its high bound while the others
// stay at the base point. Cheap (1 + 2k runs) and easy to read as a tornado chart, but blind to
// interactions; Morris and Sobol exist for those.
import { checkOutputs, type ParamPoint, type ParamRange } from './parameters.js';

export interface OatDesign {
  ranges: ParamRange[];
  base: ParamPoint;
  /** points[0] is the base; parameter i is at its low bound in points[1 + 2i] and its high bound in points[2 + 2i]. */
  points: ParamPoint[];
}

export interface OatEffect {
  path: string;
  low: number;
  high: number;
  outputAtLow: number;
  outputAtHigh: number;
  /** |outputAtHigh - outputAtLow|: the bar length of the tornado chart. */
  swing: number;
}

export interface OatResult {
  baseOutput: number;
  /** Sorted by swing, largest first; ties keep the order of the ranges. */
  effects: OatEffect[];
}

/**
 * Design: the base point takes `base[path]` where given (typically the scenario's current values)
 * and the midpoint of the range otherwise.
 */
export function designOat(ranges: readonly ParamRange[], base: Readonly<Record<string, number>> = {}): OatDesign {
  if (ranges.length === 0) throw new RangeError('designOat: at least one parameter range is required');
  const basePoint: ParamPoint = {};
  for (const range of ranges) {
    const given = base[range.path];
    if (given !== undefined && !Number.isFinite(given)) {
      throw new RangeError(`designOat: base value of "${range.path}" must be a finite number, got ${given}`);
    }
    basePoint[range.path] = given ?? (range.low + range.high) / 2;
  }
  const points: ParamPoint[] = [{ ...basePoint }];
  for (const range of ranges) {
    points.push({ ...basePoint, [range.path]: range.low });
    points.push({ ...basePoint, [range.path]: range.high });
  }
  return { ranges: ranges.map((range) => ({ ...range })), base: basePoint, points };
}

/** Analysis: outputs[j] is the model output at design.points[j]. */
export function analyseOat(design: OatDesign, outputs: readonly number[]): OatResult {
  checkOutputs('analyseOat', design.points.length, outputs);
  const effects = design.ranges.map((range, i): OatEffect => {
    const outputAtLow = outputs[1 + 2 * i] as number;
    const outputAtHigh = outputs[2 + 2 * i] as number;
    return { path: range.path, low: range.low, high: range.high, outputAtLow, outputAtHigh, swing: Math.abs(outputAtHigh - outputAtLow) };
  });
  // Array.prototype.sort is stable, so equal swings keep the order the user gave.
  effects.sort((a, b) => b.swing - a.swing);
  return { baseOutput: outputs[0] as number, effects };
}

// Uncertainty of calibrated parameters from the curvature of the objective at the optimum.
//
// Method: the objective of objective.ts is a sum of squared standardised residuals, i.e. about
// -2 log L + constant for Gaussian errors, so the observed information is H / 2 and the asymptotic
// covariance of the estimates is 2 H^-1, H the Hessian of the objective. H is estimated by central
// finite differences with step h_i = relativeStep * (high_i - low_i); DESIGN gives the points, the
// caller runs them (with the same seeds as the fit: common random numbers keep simulation noise
// out of the differences), ANALYSE turns the values into H, the covariance and 95% intervals
// (estimate +- 1.96 se).
//
// Limits, stated so nobody over-reads the intervals:
// - The chi-square reading only holds when the observations carry real sds; with the default
//   relative scale (no sd column) the intervals are relative statements of how sharply the data
//   pin the parameter down, not calibrated probabilities.
// - Quadratic approximation: a skewed or flat objective (identifiability problems) gives misleading
//   symmetric intervals; a profile of the objective along the parameter is the better tool then.
// - Simulation noise: a step too small lets replication noise dominate the second differences.
// - An optimum on or near a bound: the stencil is shifted inward to stay in the box, so H is taken
//   slightly off the optimum, and the interval ignores the bound; such parameters are flagged.
// - A Hessian that is not positive definite (flat or noisy direction) gives no covariance at all.
import type { ParamPoint, ParamRange } from '../sensitivity/parameters.js';
import { checkOutputs } from '../sensitivity/parameters.js';

export interface HessianDesign {
  ranges: ParamRange[];
  optimum: ParamPoint;
  /** Stencil centre: the optimum, moved inward where a step would leave the box. */
  centre: ParamPoint;
  steps: number[];
  /**
   * points[0] is the centre; points[1 + 2i] / points[2 + 2i] move parameter i by +h_i / -h_i; then
   * for each pair i < j (in order) four points (+,+), (+,-), (-,+), (-,-).
   */
  points: ParamPoint[];
}

export interface ParameterUncertainty {
  path: string;
  estimate: number;
  se: number;
  ci95_low: number;
  ci95_high: number;
  /** True when the stencil had to be shifted because the optimum is within one step of a bound. */
  nearBound: boolean;
}

export interface HessianResult {
  hessian: number[][];
  /** 2 H^-1, or null when H is not positive definite. */
  covariance: number[][] | null;
  parameters: ParameterUncertainty[];
  warnings: string[];
}

export function designHessian(ranges: readonly ParamRange[], optimum: Readonly<Record<string, number>>, relativeStep = 0.02): HessianDesign {
  if (!(relativeStep > 0 && relativeStep < 0.5)) {
    throw new RangeError(`designHessian: relativeStep must be in (0, 0.5), got ${relativeStep}`);
  }
  const steps = ranges.map((range) => relativeStep * (range.high - range.low));
  const centre: ParamPoint = {};
  const optimumCopy: ParamPoint = {};
  ranges.forEach((range, i) => {
    const x = optimum[range.path];
    if (x === undefined || !(x >= range.low && x <= range.high)) {
      throw new RangeError(`designHessian: optimum value of "${range.path}" must lie in [${range.low}, ${range.high}], got ${x}`);
    }
    const h = steps[i] as number;
    optimumCopy[range.path] = x;
    centre[range.path] = Math.min(Math.max(x, range.low + h), range.high - h);
  });
  const moved = (moves: ReadonlyArray<readonly [number, number]>): ParamPoint => {
    const point = { ...centre };
    for (const [i, sign] of moves) {
      const path = (ranges[i] as ParamRange).path;
      point[path] = (point[path] as number) + sign * (steps[i] as number);
    }
    return point;
  };
  const points: ParamPoint[] = [{ ...centre }];
  ranges.forEach((_, i) => points.push(moved([[i, 1]]), moved([[i, -1]])));
  for (let i = 0; i < ranges.length; i++) {
    for (let j = i + 1; j < ranges.length; j++) {
      points.push(moved([[i, 1], [j, 1]]), moved([[i, 1], [j, -1]]), moved([[i, -1], [j, 1]]), moved([[i, -1], [j, -1]]));
    }
  }
  return { ranges: ranges.map((range) => ({ ...range })), optimum: optimumCopy, centre, steps, points };
}

/** Cholesky inverse of a symmetric matrix; null if it is not positive definite. */
function inverseSymmetric(matrix: readonly number[][]): number[][] | null {
  const n = matrix.length;
  const lower = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = (matrix[i] as number[])[j] as number;
      for (let k = 0; k < j; k++) sum -= ((lower[i] as number[])[k] as number) * ((lower[j] as number[])[k] as number);
      if (i === j) {
        if (!(sum > 0)) return null;
        (lower[i] as number[])[i] = Math.sqrt(sum);
      } else (lower[i] as number[])[j] = sum / ((lower[j] as number[])[j] as number);
    }
  }
  // Solve L L^T X = I column by column.
  const inverse = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let c = 0; c < n; c++) {
    const y = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) {
      let sum = i === c ? 1 : 0;
      for (let k = 0; k < i; k++) sum -= ((lower[i] as number[])[k] as number) * (y[k] as number);
      y[i] = sum / ((lower[i] as number[])[i] as number);
    }
    for (let i = n - 1; i >= 0; i--) {
      let sum = y[i] as number;
      for (let k = i + 1; k < n; k++) sum -= ((lower[k] as number[])[i] as number) * ((inverse[k] as number[])[c] as number);
      (inverse[i] as number[])[c] = sum / ((lower[i] as number[])[i] as number);
    }
  }
  return inverse;
}

/** values[j] is the objective at design.points[j]. */
export function analyseHessian(design: HessianDesign, values: readonly number[]): HessianResult {
  checkOutputs('analyseHessian', design.points.length, values);
  const n = design.ranges.length;
  const f0 = values[0] as number;
  const hessian = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    const h = design.steps[i] as number;
    (hessian[i] as number[])[i] = ((values[1 + 2 * i] as number) - 2 * f0 + (values[2 + 2 * i] as number)) / (h * h);
  }
  let index = 1 + 2 * n;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const [pp, pm, mp, mm] = values.slice(index, index + 4) as [number, number, number, number];
      const value = (pp - pm - mp + mm) / (4 * (design.steps[i] as number) * (design.steps[j] as number));
      (hessian[i] as number[])[j] = value;
      (hessian[j] as number[])[i] = value;
      index += 4;
    }
  }
  const warnings: string[] = [];
  const inverse = inverseSymmetric(hessian);
  const covariance = inverse === null ? null : inverse.map((row) => row.map((x) => 2 * x));
  if (covariance === null) {
    warnings.push('Hessian is not positive definite: the objective is flat or noisy in some direction at this step size, so no covariance is given');
  }
  const parameters = design.ranges.map((range, i): ParameterUncertainty => {
    const estimate = design.optimum[range.path] as number;
    const nearBound = design.centre[range.path] !== estimate;
    if (nearBound) warnings.push(`${range.path} is within one step of a bound: Hessian taken at a shifted centre and the interval ignores the bound`);
    const variance = covariance === null ? NaN : ((covariance[i] as number[])[i] as number);
    const se = Math.sqrt(variance);
    return { path: range.path, estimate, se, ci95_low: estimate - 1.96 * se, ci95_high: estimate + 1.96 * se, nearBound };
  });
  return { hessian, covariance, parameters, warnings };
}

// Bounded Nelder-Mead minimisation, deterministic (no random restarts, ties broken by vertex order).
//
// Bounds by transformation (as fminsearchbnd does): the simplex lives in unbounded z, and a point is
// x = low + (high - low) (1 + sin z) / 2. Every trial point is therefore inside the box, the optimum
// may lie on a bound (z = +-pi/2), and the plain Nelder-Mead moves need no clamping, which would
// otherwise flatten the simplex against a face. Tolerances are measured in unit coordinates
// (fractions of each range), so parameters in different units are treated alike.
//
// The objective may be asynchronous (a point costs a batch of simulation replications); the initial
// simplex and shrink steps evaluate their points concurrently and keep the results in vertex order.
import type { ParamPoint, ParamRange } from '../sensitivity/parameters.js';

export interface NelderMeadOptions {
  /** Start point (default: the middle of every range); missing paths start mid-range. */
  start?: Readonly<Record<string, number>>;
  /** Hard cap on objective evaluations; default 200 per parameter. */
  maxEvaluations?: number;
  /** Converged when every vertex is within this fraction of its range of the best; default 1e-4. */
  xTolerance?: number;
  /** ... and the simplex's objective values differ by at most this; default 1e-8. */
  fTolerance?: number;
  /** Initial simplex edge in transformed coordinates (radians); 0.5 moves a mid-range start by ~24% of the range. */
  initialStep?: number;
}

export interface NelderMeadEvaluation {
  evaluation: number;
  point: ParamPoint;
  value: number;
}

export interface NelderMeadResult {
  point: ParamPoint;
  value: number;
  evaluations: number;
  converged: boolean;
  /** Every evaluation in order (1-based evaluation numbers). */
  history: NelderMeadEvaluation[];
}

export type Objective = (point: Readonly<ParamPoint>) => number | Promise<number>;

interface Vertex {
  z: number[];
  value: number;
}

export async function minimiseNelderMead(objective: Objective, ranges: readonly ParamRange[], options: NelderMeadOptions = {}): Promise<NelderMeadResult> {
  const n = ranges.length;
  if (n === 0) throw new RangeError('minimiseNelderMead: at least one parameter range is required');
  const maxEvaluations = options.maxEvaluations ?? 200 * n;
  const xTolerance = options.xTolerance ?? 1e-4;
  const fTolerance = options.fTolerance ?? 1e-8;
  const initialStep = options.initialStep ?? 0.5;
  if (!Number.isInteger(maxEvaluations) || maxEvaluations < n + 1) {
    throw new RangeError(`minimiseNelderMead: maxEvaluations must be an integer >= ${n + 1} (the initial simplex), got ${maxEvaluations}`);
  }
  const unitOf = (z: readonly number[]): number[] => z.map((zi) => (1 + Math.sin(zi)) / 2);
  const pointOf = (z: readonly number[]): ParamPoint => {
    const unit = unitOf(z);
    return Object.fromEntries(ranges.map((range, i) => [range.path, range.low + (unit[i] as number) * (range.high - range.low)]));
  };
  const history: NelderMeadEvaluation[] = [];
  const evaluateAll = async (zs: readonly number[][]): Promise<Vertex[]> => {
    const points = zs.map(pointOf);
    const values = await Promise.all(points.map((point) => objective(point)));
    return zs.map((z, i) => {
      const raw = values[i] as number;
      // NaN would poison every comparison; treat it as the worst possible value.
      const value = Number.isNaN(raw) ? Infinity : raw;
      history.push({ evaluation: history.length + 1, point: points[i] as ParamPoint, value });
      return { z: [...z], value };
    });
  };
  const evaluateOne = async (z: number[]): Promise<Vertex> => (await evaluateAll([z]))[0] as Vertex;
  const budgetLeft = (): number => maxEvaluations - history.length;

  const startZ = ranges.map((range) => {
    const given = options.start?.[range.path];
    if (given !== undefined && !(given >= range.low && given <= range.high)) {
      throw new RangeError(`minimiseNelderMead: start value of "${range.path}" must lie in [${range.low}, ${range.high}], got ${given}`);
    }
    const u = given === undefined ? 0.5 : (given - range.low) / (range.high - range.low);
    return Math.asin(2 * u - 1);
  });
  const initial = [startZ, ...ranges.map((_, i) => startZ.map((zi, j) => (j === i ? zi + initialStep : zi)))];
  let simplex = await evaluateAll(initial);
  let converged = false;

  const combine = (from: readonly number[], to: readonly number[], t: number): number[] => from.map((f, i) => f + t * ((to[i] as number) - f));

  for (;;) {
    // Stable sort: equal values keep their order, so runs are reproducible.
    simplex.sort((a, b) => a.value - b.value);
    const best = simplex[0] as Vertex;
    const worst = simplex[n] as Vertex;
    const bestUnit = unitOf(best.z);
    const spread = Math.max(...simplex.map((v) => Math.max(...unitOf(v.z).map((u, i) => Math.abs(u - (bestUnit[i] as number))))));
    if (spread <= xTolerance && worst.value - best.value <= fTolerance) {
      converged = true;
      break;
    }
    if (budgetLeft() < 1) break;
    const centroid = best.z.map((_, i) => simplex.slice(0, n).reduce((s, v) => s + (v.z[i] as number), 0) / n);
    const reflected = await evaluateOne(combine(centroid, worst.z, -1));
    const secondWorst = simplex[n - 1] as Vertex;
    if (reflected.value < best.value) {
      if (budgetLeft() < 1) {
        simplex[n] = reflected;
        continue;
      }
      const expanded = await evaluateOne(combine(centroid, worst.z, -2));
      simplex[n] = expanded.value < reflected.value ? expanded : reflected;
      continue;
    }
    if (reflected.value < secondWorst.value) {
      simplex[n] = reflected;
      continue;
    }
    if (budgetLeft() < 1) break;
    const outside = reflected.value < worst.value;
    const contracted = await evaluateOne(combine(centroid, outside ? reflected.z : worst.z, 0.5));
    if (outside ? contracted.value <= reflected.value : contracted.value < worst.value) {
      simplex[n] = contracted;
      continue;
    }
    // Shrink towards the best vertex, only if the budget allows the whole step.
    if (budgetLeft() < n) break;
    const shrunk = await evaluateAll(simplex.slice(1).map((v) => combine(best.z, v.z, 0.5)));
    simplex = [best, ...shrunk];
  }
  const bestOverall = history.reduce((b, h) => (h.value < b.value ? h : b), history[0] as NelderMeadEvaluation);
  return { point: { ...bestOverall.point }, value: bestOverall.value, evaluations: history.length, converged, history };
}

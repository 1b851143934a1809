// Variance-based (Sobol) sensitivity indices from a Saltelli design. First-order indices use the
// Saltelli et al. (2010) estimator S_i = mean(f(B) (f(AB_i) - f(A))) / V, total indices Jansen's
// ST_i = mean((f(A) - f(AB_i))^2) / (2V), with V the variance of f(A) and f(B) pooled; AB_i is A with
// column i taken from B. Confidence intervals are percentile bootstrap intervals over the N base
// rows (each row's k + 2 runs are resampled together, keeping the estimator's pairing intact).
import { quantileSorted } from 'simple-statistics';
import type { Rng } from '../../sim/engine/random.js';
import { checkOutputs, scaleToRange, type ParamPoint, type ParamRange } from './parameters.js';

export interface SobolDesign {
  ranges: ParamRange[];
  /** N, the number of base rows. */
  samples: number;
  /**
   * N (k + 2) points, row j occupying points[j(k+2) .. j(k+2)+k+1] in the order
   * A_j, B_j, AB_j^1 .. AB_j^k.
   */
  points: ParamPoint[];
}

export interface IndexEstimate {
  estimate: number;
  /** Bootstrap standard error. */
  se: number;
  ci95_low: number;
  ci95_high: number;
}

export interface SobolIndices {
  path: string;
  first: IndexEstimate;
  total: IndexEstimate;
}

export interface SobolResult {
  mean: number;
  /** Output variance V; when it is 0 the output does not vary and every index is NaN. */
  variance: number;
  /** Sorted by total index, largest first. */
  indices: SobolIndices[];
}

export interface SobolAnalysisOptions {
  /** Bootstrap resamples; default 1000 (enough for 2.5% / 97.5% percentiles to settle). */
  resamples?: number;
}

/** Design: A and B are N x k independent uniform draws from rng, scaled to the ranges. */
export function designSobol(ranges: readonly ParamRange[], samples: number, rng: Rng): SobolDesign {
  if (!Number.isInteger(samples) || samples < 2) {
    throw new RangeError(`designSobol: samples (N) must be an integer >= 2, got ${samples}`);
  }
  if (ranges.length === 0) throw new RangeError('designSobol: at least one parameter range is required');
  const points: ParamPoint[] = [];
  const toPoint = (unit: readonly number[]): ParamPoint =>
    Object.fromEntries(ranges.map((range, i) => [range.path, scaleToRange(range, unit[i] as number)]));
  for (let j = 0; j < samples; j++) {
    // A_j then B_j are drawn together so row j depends only on the rng state at row j.
    const a = ranges.map(() => rng.next());
    const b = ranges.map(() => rng.next());
    points.push(toPoint(a), toPoint(b));
    for (let i = 0; i < ranges.length; i++) {
      const ab = [...a];
      ab[i] = b[i] as number;
      points.push(toPoint(ab));
    }
  }
  return { ranges: ranges.map((range) => ({ ...range })), samples, points };
}

interface Estimates {
  mean: number;
  variance: number;
  first: number[];
  total: number[];
}

/** Both estimators over the base rows listed in rows (with repeats, for the bootstrap). */
function estimate(fA: Float64Array, fB: Float64Array, fAB: Float64Array[], rows: Int32Array): Estimates {
  const n = rows.length;
  let sum = 0;
  let sumSquares = 0;
  for (const j of rows) {
    const a = fA[j] as number;
    const b = fB[j] as number;
    sum += a + b;
    sumSquares += a * a + b * b;
  }
  const pooledMean = sum / (2 * n);
  const variance = Math.max(0, sumSquares / (2 * n) - pooledMean * pooledMean);
  const first: number[] = [];
  const total: number[] = [];
  for (const column of fAB) {
    let firstSum = 0;
    let totalSum = 0;
    for (const j of rows) {
      const a = fA[j] as number;
      const ab = column[j] as number;
      firstSum += (fB[j] as number) * (ab - a);
      totalSum += (a - ab) * (a - ab);
    }
    first.push(firstSum / n / variance);
    total.push(totalSum / (2 * n) / variance);
  }
  return { mean: pooledMean, variance, first, total };
}

function interval(point: number, replicates: number[]): IndexEstimate {
  const finite = replicates.filter(Number.isFinite).sort((x, y) => x - y);
  if (!Number.isFinite(point) || finite.length < 2) return { estimate: point, se: NaN, ci95_low: NaN, ci95_high: NaN };
  const m = finite.reduce((s, x) => s + x, 0) / finite.length;
  const se = Math.sqrt(finite.reduce((s, x) => s + (x - m) ** 2, 0) / (finite.length - 1));
  return { estimate: point, se, ci95_low: quantileSorted(finite, 0.025), ci95_high: quantileSorted(finite, 0.975) };
}

/** Analysis: outputs[j] is the model output at design.points[j]; rng drives the bootstrap. */
export function analyseSobol(design: SobolDesign, outputs: readonly number[], rng: Rng, options: SobolAnalysisOptions = {}): SobolResult {
  const resamples = options.resamples ?? 1000;
  if (!Number.isInteger(resamples) || resamples < 2) {
    throw new RangeError(`analyseSobol: resamples must be an integer >= 2, got ${resamples}`);
  }
  checkOutputs('analyseSobol', design.points.length, outputs);
  const n = design.samples;
  const k = design.ranges.length;
  const width = k + 2;
  // Centre the outputs: the estimators are shift-invariant in expectation, but a large offset (costs
  // in euros) inflates the variance of the first-order product term and loses digits.
  const outputMean = outputs.reduce((s, x) => s + x, 0) / outputs.length;
  const fA = new Float64Array(n);
  const fB = new Float64Array(n);
  const fAB = Array.from({ length: k }, () => new Float64Array(n));
  for (let j = 0; j < n; j++) {
    fA[j] = (outputs[j * width] as number) - outputMean;
    fB[j] = (outputs[j * width + 1] as number) - outputMean;
    for (let i = 0; i < k; i++) (fAB[i] as Float64Array)[j] = (outputs[j * width + 2 + i] as number) - outputMean;
  }
  const allRows = Int32Array.from({ length: n }, (_, j) => j);
  const point = estimate(fA, fB, fAB, allRows);
  const firstReplicates: number[][] = design.ranges.map(() => []);
  const totalReplicates: number[][] = design.ranges.map(() => []);
  const rows = new Int32Array(n);
  for (let r = 0; r < resamples; r++) {
    for (let j = 0; j < n; j++) rows[j] = Math.min(n - 1, Math.floor(rng.next() * n));
    const replicate = estimate(fA, fB, fAB, rows);
    replicate.first.forEach((value, i) => (firstReplicates[i] as number[]).push(value));
    replicate.total.forEach((value, i) => (totalReplicates[i] as number[]).push(value));
  }
  const indices = design.ranges.map((range, i): SobolIndices => ({
    path: range.path,
    first: interval(point.first[i] as number, firstReplicates[i] as number[]),
    total: interval(point.total[i] as number, totalReplicates[i] as number[]),
  }));
  // NaN indices (zero variance) sort last instead of confusing the comparator.
  const key = (index: SobolIndices): number => (Number.isNaN(index.total.estimate) ? -Infinity : index.total.estimate);
  indices.sort((a, b) => key(b) - key(a));
  return { mean: point.mean + outputMean, variance: point.variance, indices };
}

import type { Rng } from '../random.js';
import type { Distribution } from './distribution.js';
import { formatNumber, parameterError } from './parameters.js';

/**
 * Continuous distribution whose CDF is piecewise linear through the given (x, cumulative
 * probability) points: uniform within each segment. Sampled by inverting the CDF with one uniform.
 */
export class Piecewise implements Distribution {
  readonly points: ReadonlyArray<readonly [number, number]>;

  constructor(points: ReadonlyArray<readonly [number, number]>) {
    if (points.length < 2) throw parameterError('piecewise', 'points', 'at least 2 (x, cdf) pairs', points);
    points.forEach(([x, p], i) => {
      if (!Number.isFinite(x)) throw parameterError('piecewise', `points[${i}].x`, 'a finite number', x);
      if (!Number.isFinite(p) || p < 0 || p > 1) throw parameterError('piecewise', `points[${i}].cdf`, 'in [0, 1]', p);
      if (i === 0) return;
      const [previousX, previousP] = points[i - 1] ?? [x, p];
      if (x <= previousX) {
        throw parameterError('piecewise', `points[${i}].x`, `> points[${i - 1}].x (${formatNumber(previousX)})`, x);
      }
      if (p < previousP) {
        throw parameterError('piecewise', `points[${i}].cdf`, `>= points[${i - 1}].cdf (${formatNumber(previousP)})`, p);
      }
    });
    const first = points[0]?.[1];
    const last = points[points.length - 1]?.[1];
    if (first !== 0) throw parameterError('piecewise', 'points[0].cdf', '0', first);
    if (last !== 1) throw parameterError('piecewise', `points[${points.length - 1}].cdf`, '1', last);
    this.points = points.map(([x, p]) => [x, p] as const);
  }

  sample(rng: Rng): number {
    const u = rng.next();
    const { points } = this;
    // Segments are few (a table from a report), so a linear scan beats a binary search in practice.
    for (let i = 1; i < points.length; i++) {
      const [x1, p1] = points[i] ?? [0, 1];
      if (u < p1) {
        const [x0, p0] = points[i - 1] ?? [x1, p1];
        return x0 + ((u - p0) / (p1 - p0)) * (x1 - x0);
      }
    }
    return points[points.length - 1]?.[0] ?? Number.NaN;
  }

  /** Sum over segments of probability times the segment midpoint (uniform within a segment). */
  mean(): number {
    return this.sumOverSegments((a, b) => (a + b) / 2);
  }

  /** E[X^2] - mean^2, with E[X^2] over a uniform segment [a, b] equal to (a^2 + ab + b^2) / 3. */
  variance(): number {
    const mean = this.mean();
    return Math.max(0, this.sumOverSegments((a, b) => (a * a + a * b + b * b) / 3) - mean * mean);
  }

  private sumOverSegments(momentOfSegment: (a: number, b: number) => number): number {
    let sum = 0;
    for (let i = 1; i < this.points.length; i++) {
      const [a, p0] = this.points[i - 1] ?? [0, 0];
      const [b, p1] = this.points[i] ?? [0, 0];
      sum += (p1 - p0) * momentOfSegment(a, b);
    }
    return sum;
  }

  toString(): string {
    return `piecewise(${this.points.map(([x, p]) => `[${formatNumber(x)}, ${formatNumber(p)}]`).join(', ')})`;
  }
}

import type { Rng } from '../random.js';
import { cumulativeOf, firstAbove } from './cumulative.js';
import type { Distribution } from './distribution.js';
import { formatNumber, parameterError, requireFinite, requireProbabilities } from './parameters.js';

/** Discrete distribution over given values; one uniform per sample. */
export class Empirical implements Distribution {
  readonly values: readonly number[];
  readonly probabilities: readonly number[];
  private readonly cumulative: readonly number[];

  constructor(values: readonly number[], probabilities: readonly number[]) {
    if (values.length === 0) throw parameterError('empirical', 'values', 'a non-empty list', values);
    if (probabilities.length !== values.length) {
      throw parameterError('empirical', 'probabilities', `a list as long as values (${values.length})`, probabilities);
    }
    values.forEach((v, i) => requireFinite('empirical', `values[${i}]`, v));
    this.values = [...values];
    this.probabilities = requireProbabilities('empirical', 'probabilities', probabilities);
    this.cumulative = cumulativeOf(this.probabilities);
  }

  sample(rng: Rng): number {
    return this.values[firstAbove(this.cumulative, rng.next())] ?? Number.NaN;
  }

  mean(): number {
    return this.values.reduce((sum, v, i) => sum + v * (this.probabilities[i] ?? 0), 0);
  }

  variance(): number {
    const mean = this.mean();
    return this.values.reduce((sum, v, i) => sum + (v - mean) ** 2 * (this.probabilities[i] ?? 0), 0);
  }

  toString(): string {
    const pairs = this.values.map((v, i) => `${formatNumber(v)}: ${formatNumber(this.probabilities[i] ?? 0)}`);
    return `empirical(${pairs.join(', ')})`;
  }
}

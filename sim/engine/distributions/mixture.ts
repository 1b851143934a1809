import type { Rng } from '../random.js';
import { cumulativeOf, firstAbove } from './cumulative.js';
import type { Distribution } from './distribution.js';
import { formatNumber, parameterError, requireProbabilities } from './parameters.js';

/**
 * Draws a component by weight (one uniform), then samples it from the same stream.
 * Mean and variance by the law of total variance: Var = E[Var(X|C)] + Var(E[X|C]).
 */
export class Mixture implements Distribution {
  readonly components: readonly Distribution[];
  readonly weights: readonly number[];
  private readonly cumulative: readonly number[];

  constructor(components: readonly Distribution[], weights: readonly number[]) {
    if (components.length === 0) throw parameterError('mixture', 'components', 'a non-empty list', components.length);
    if (weights.length !== components.length) {
      throw parameterError('mixture', 'weights', `a list as long as components (${components.length})`, weights);
    }
    this.components = [...components];
    this.weights = requireProbabilities('mixture', 'weights', weights);
    this.cumulative = cumulativeOf(this.weights);
  }

  sample(rng: Rng): number {
    const component = this.components[firstAbove(this.cumulative, rng.next())];
    return component === undefined ? Number.NaN : component.sample(rng);
  }

  mean(): number {
    return this.components.reduce((sum, c, i) => sum + (this.weights[i] ?? 0) * c.mean(), 0);
  }

  variance(): number {
    const mean = this.mean();
    return this.components.reduce((sum, c, i) => {
      const spread = c.mean() - mean;
      return sum + (this.weights[i] ?? 0) * (c.variance() + spread * spread);
    }, 0);
  }

  toString(): string {
    const parts = this.components.map((c, i) => `${formatNumber(this.weights[i] ?? 0)}: ${c.toString()}`);
    return `mixture(${parts.join(', ')})`;
  }
}

import type { Rng } from '../random.js';
import type { Distribution } from './distribution.js';
import { formatNumber, requirePositive } from './parameters.js';

/** Exponential distribution; build it with `fromMean` or `fromRate` so the number's meaning is explicit. */
export class Exponential implements Distribution {
  private constructor(
    private readonly meanValue: number,
    private readonly label: string,
  ) {}

  static fromMean(mean: number): Exponential {
    requirePositive('exponential', 'mean', mean);
    return new Exponential(mean, `exponential(mean=${formatNumber(mean)})`);
  }

  static fromRate(rate: number): Exponential {
    requirePositive('exponential', 'rate', rate);
    return new Exponential(1 / rate, `exponential(rate=${formatNumber(rate)})`);
  }

  sample(rng: Rng): number {
    // Inversion with one uniform; 1 - u lies in (0, 1], so the log is finite.
    return -this.meanValue * Math.log(1 - rng.next());
  }

  mean(): number {
    return this.meanValue;
  }

  variance(): number {
    return this.meanValue * this.meanValue;
  }

  toString(): string {
    return this.label;
  }
}

/**
 * Running statistics of observations (waits, durations) in O(1) memory, by Welford's update, which
 * stays accurate where the naive sum-of-squares loses digits to cancellation. Empty or single
 * observations give NaN where the statistic is undefined, never a made-up 0.
 */
export class Tally {
  private n = 0;
  private runningMean = 0;
  /** Sum of squared deviations from the running mean. */
  private m2 = 0;
  private smallest = Infinity;
  private largest = -Infinity;

  add(x: number): void {
    if (Number.isNaN(x)) throw new RangeError('Tally.add: x is NaN (expected a number)');
    this.n++;
    const delta = x - this.runningMean;
    this.runningMean += delta / this.n;
    this.m2 += delta * (x - this.runningMean);
    if (x < this.smallest) this.smallest = x;
    if (x > this.largest) this.largest = x;
  }

  get count(): number {
    return this.n;
  }

  get mean(): number {
    return this.n === 0 ? NaN : this.runningMean;
  }

  /** Sample variance (divisor n - 1), NaN below two observations. */
  get variance(): number {
    return this.n < 2 ? NaN : this.m2 / (this.n - 1);
  }

  get sd(): number {
    return Math.sqrt(this.variance);
  }

  get min(): number {
    return this.n === 0 ? NaN : this.smallest;
  }

  get max(): number {
    return this.n === 0 ? NaN : this.largest;
  }

  get sum(): number {
    return this.runningMean * this.n;
  }
}

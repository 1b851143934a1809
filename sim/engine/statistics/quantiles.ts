/**
 * Quantiles of a stream of observations.
 *
 * Up to `exactLimit` observations (default 100,000) every value is kept and quantile(p) is exact:
 * linear interpolation between order statistics (Hyndman and Fan type 7, the R and numpy default).
 *
 * Beyond that the values move into a log-bucket sketch (DDSketch, Masson et al. 2019) with relative
 * accuracy `relativeAccuracy` (default 0.005): a value x > 0 falls in bucket i = ceil(log_g x) with
 * g = (1 + a) / (1 - a), and a bucket reports 2 g^i / (g + 1), which lies within a relative error a
 * of every value in the bucket. So quantile(p) is within a factor (1 +- a) of the order statistic of
 * rank floor(p (n - 1)) (0-based). Values with |x| < 1e-9 count as 0 (exactly, in their own bucket),
 * which suits waits and durations, where 0 is common and meaningful. Memory is then
 * O(log(max/min) / a) buckets (about 4,800 for values from 1e-9 to 1e12), whatever the count.
 */
export class QuantileEstimator {
  private readonly exactLimit: number;
  private readonly gamma: number;
  private readonly logGamma: number;
  private values: number[] | undefined = [];
  private sorted = true;
  private n = 0;
  private readonly positive = new Map<number, number>();
  private readonly negative = new Map<number, number>();
  private zeros = 0;

  constructor(options: { exactLimit?: number; relativeAccuracy?: number } = {}) {
    const exactLimit = options.exactLimit ?? 100_000;
    const accuracy = options.relativeAccuracy ?? 0.005;
    if (!Number.isInteger(exactLimit) || exactLimit < 0) {
      throw new RangeError(`QuantileEstimator: exactLimit is ${exactLimit} (expected an integer >= 0)`);
    }
    if (!(accuracy > 0 && accuracy < 1)) {
      throw new RangeError(`QuantileEstimator: relativeAccuracy is ${accuracy} (expected 0 < a < 1)`);
    }
    this.exactLimit = exactLimit;
    this.gamma = (1 + accuracy) / (1 - accuracy);
    this.logGamma = Math.log(this.gamma);
  }

  get count(): number {
    return this.n;
  }

  /** True while quantiles are exact (no more than exactLimit observations so far). */
  get exact(): boolean {
    return this.values !== undefined;
  }

  add(x: number): void {
    if (!Number.isFinite(x)) throw new RangeError(`QuantileEstimator.add: x is ${x} (expected a finite number)`);
    this.n++;
    if (this.values !== undefined) {
      if (this.values.length < this.exactLimit) {
        this.values.push(x);
        this.sorted = false;
        return;
      }
      const kept = this.values;
      this.values = undefined;
      for (const value of kept) this.addToSketch(value);
    }
    this.addToSketch(x);
  }

  /** The p-quantile, 0 <= p <= 1; NaN when there are no observations. */
  quantile(p: number): number {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`QuantileEstimator.quantile: p is ${p} (expected 0 <= p <= 1)`);
    if (this.n === 0) return NaN;
    if (this.values !== undefined) return this.exactQuantile(p);
    return this.sketchQuantile(Math.floor(p * (this.n - 1)));
  }

  private exactQuantile(p: number): number {
    const values = this.values!;
    if (!this.sorted) {
      values.sort((a, b) => a - b);
      this.sorted = true;
    }
    const position = p * (values.length - 1);
    const below = Math.floor(position);
    const lower = values[below]!;
    const upper = values[Math.min(below + 1, values.length - 1)]!;
    return lower + (position - below) * (upper - lower);
  }

  private addToSketch(x: number): void {
    const magnitude = Math.abs(x);
    if (magnitude < 1e-9) {
      this.zeros++;
      return;
    }
    const index = Math.ceil(Math.log(magnitude) / this.logGamma);
    const store = x > 0 ? this.positive : this.negative;
    store.set(index, (store.get(index) ?? 0) + 1);
  }

  /** Walks the buckets in increasing value order until the cumulative count passes `rank`. */
  private sketchQuantile(rank: number): number {
    let seen = 0;
    const negativeIndices = [...this.negative.keys()].sort((a, b) => b - a);
    for (const index of negativeIndices) {
      seen += this.negative.get(index)!;
      if (seen > rank) return -this.bucketValue(index);
    }
    seen += this.zeros;
    if (seen > rank) return 0;
    const positiveIndices = [...this.positive.keys()].sort((a, b) => a - b);
    for (const index of positiveIndices) {
      seen += this.positive.get(index)!;
      if (seen > rank) return this.bucketValue(index);
    }
    return this.bucketValue(positiveIndices[positiveIndices.length - 1]!);
  }

  private bucketValue(index: number): number {
    return (2 * Math.pow(this.gamma, index)) / (this.gamma + 1);
  }
}

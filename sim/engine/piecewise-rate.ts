// A rate that is constant between breakpoints: a policy or a trend changes how often something happens
// from a given time on. Arrivals of a Poisson process with such a rate come from unit exponential gaps
// run through the integrated rate (the time change), so every arrival before a breakpoint is exactly where
// it would be without the later change, and the k-th arrival is still the k-th draw of its stream.

export class PiecewiseRate {
  /**
   * @param starts ascending times; rates[i] holds from starts[i] up to starts[i + 1] (the last one for ever).
   *   starts[0] is where the rate begins; before it the first rate is used.
   */
  constructor(
    readonly starts: readonly number[],
    readonly rates: readonly number[],
  ) {
    if (starts.length === 0 || starts.length !== rates.length) {
      throw new RangeError(`PiecewiseRate: ${starts.length} starts and ${rates.length} rates (expected the same number, at least 1)`);
    }
    for (let i = 0; i < rates.length; i++) {
      const rate = rates[i] as number;
      if (!(rate >= 0) || !Number.isFinite(rate)) throw new RangeError(`PiecewiseRate: rates[${i}] is ${rate} (expected a finite number >= 0)`);
      if (i > 0 && !((starts[i] as number) > (starts[i - 1] as number))) {
        throw new RangeError(`PiecewiseRate: starts[${i}] is ${starts[i]} (expected more than starts[${i - 1}], ${starts[i - 1]})`);
      }
    }
  }

  static constant(rate: number): PiecewiseRate {
    return new PiecewiseRate([0], [rate]);
  }

  /** Whether no segment has a positive rate (nothing ever arrives). */
  get never(): boolean {
    return this.rates.every((r) => r <= 0);
  }

  /** The rate in force at t. */
  at(t: number): number {
    return this.rates[this.segmentOf(t)] as number;
  }

  private segmentOf(t: number): number {
    let i = 0;
    while (i + 1 < this.starts.length && (this.starts[i + 1] as number) <= t) i++;
    return i;
  }

  /** The time after `from` at which the integrated rate has grown by `units`; Infinity if it never does. */
  advance(from: number, units: number): number {
    let i = this.segmentOf(from);
    let t = from;
    let remaining = units;
    for (;;) {
      const rate = this.rates[i] as number;
      const end = i + 1 < this.starts.length ? (this.starts[i + 1] as number) : Infinity;
      if (rate > 0) {
        const arrival = t + remaining / rate;
        if (arrival <= end) return arrival;
        remaining -= rate * (end - t);
      }
      if (end === Infinity) return Infinity;
      t = end;
      i++;
    }
  }
}

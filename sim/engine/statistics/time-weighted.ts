/**
 * A piecewise-constant quantity over simulated time (queue length, places in use), averaged by the
 * time it held each value: average(until) = (1 / (until - start)) * integral of value dt.
 */
export class TimeWeighted {
  private readonly start: number;
  private lastTime: number;
  private current: number;
  private accumulated = 0;
  private largest: number;

  constructor(start = 0, value = 0) {
    if (!Number.isFinite(start)) throw new RangeError(`TimeWeighted: start is ${start} (expected a finite time)`);
    this.start = start;
    this.lastTime = start;
    this.current = value;
    this.largest = value;
  }

  /** The quantity takes `value` from `time` on; time must not go back. */
  update(time: number, value: number): void {
    if (!(time >= this.lastTime)) {
      throw new RangeError(`TimeWeighted.update: time ${time} lies before the last update at ${this.lastTime}`);
    }
    // Guarded so that an infinite value held for zero time adds nothing instead of NaN.
    if (time > this.lastTime) this.accumulated += this.current * (time - this.lastTime);
    this.lastTime = time;
    this.current = value;
    if (value > this.largest) this.largest = value;
  }

  get value(): number {
    return this.current;
  }

  get max(): number {
    return this.largest;
  }

  /** Integral of the value from start to `until` (>= the last update). */
  area(until: number): number {
    if (!(until >= this.lastTime)) {
      throw new RangeError(`TimeWeighted.area: until ${until} lies before the last update at ${this.lastTime}`);
    }
    return until > this.lastTime ? this.accumulated + this.current * (until - this.lastTime) : this.accumulated;
  }

  /** Time-weighted mean from start to `until`; NaN when no time has passed. */
  average(until: number): number {
    const elapsed = until - this.start;
    return elapsed > 0 ? this.area(until) / elapsed : NaN;
  }
}

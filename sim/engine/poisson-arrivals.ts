// A Poisson arrival stream on its own random stream: one uniform per arrival, drawn before the arrival is
// handled, so what a handler draws elsewhere never shifts the arrival times (common random numbers). The
// rate may change at given times (PiecewiseRate); a constant rate is the one-piece case.
import type { PiecewiseRate } from './piecewise-rate.js';
import type { Rng } from './random.js';
import type { Simulation } from './simulation.js';

export class PoissonArrivals<P> {
  private count = 0;

  /**
   * @param ratePerUnit arrivals per unit of simulated time, constant or piecewise; 0 or less means no arrivals at all.
   * @param until arrivals at or after this time are not scheduled.
   * @param onArrival called with the payload and the arrival's index (0, 1, 2, ...).
   */
  constructor(
    private readonly sim: Simulation,
    private readonly rng: Rng,
    private readonly ratePerUnit: number | PiecewiseRate,
    private readonly until: number,
    private readonly priority: number,
    private readonly payload: P,
    private readonly onArrival: (payload: P, index: number) => void,
  ) {}

  /** Schedules the first arrival after `from`. */
  start(from: number): void {
    const rate = this.ratePerUnit;
    if (typeof rate === 'number' ? rate > 0 : !rate.never) this.scheduleAfter(from);
  }

  private scheduleAfter(from: number): void {
    const rate = this.ratePerUnit;
    const t = typeof rate === 'number' ? from - Math.log(1 - this.rng.next()) / rate : rate.advance(from, -Math.log(1 - this.rng.next()));
    if (t < this.until) this.sim.at<PoissonArrivals<P>>(t, arrive, this, this.priority);
  }

  /** Runs one arrival and schedules the next; called by the calendar. */
  fire(): void {
    const index = this.count++;
    this.scheduleAfter(this.sim.now);
    this.onArrival(this.payload, index);
  }
}

function arrive<P>(source: PoissonArrivals<P>): void {
  source.fire();
}

// A Poisson arrival stream on its own random stream: one uniform per arrival, drawn before the arrival is
// handled, so what a handler draws elsewhere never shifts the arrival times (common random numbers).
import type { Rng } from './random.js';
import type { Simulation } from './simulation.js';

export class PoissonArrivals<P> {
  private count = 0;

  /**
   * @param ratePerUnit arrivals per unit of simulated time; 0 or less means no arrivals at all.
   * @param until arrivals at or after this time are not scheduled.
   * @param onArrival called with the payload and the arrival's index (0, 1, 2, ...).
   */
  constructor(
    private readonly sim: Simulation,
    private readonly rng: Rng,
    private readonly ratePerUnit: number,
    private readonly until: number,
    private readonly priority: number,
    private readonly payload: P,
    private readonly onArrival: (payload: P, index: number) => void,
  ) {}

  /** Schedules the first arrival after `from`. */
  start(from: number): void {
    if (this.ratePerUnit > 0) this.scheduleAfter(from);
  }

  private scheduleAfter(from: number): void {
    const t = from - Math.log(1 - this.rng.next()) / this.ratePerUnit;
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

// A body that takes cases at meetings with a limited number of places (action table, doorbraakteam,
// arbitration committee, OM sessions, RvdK intake). A case referred at t gets the first meeting at or
// after t that still has a place: first come, first served, booked at referral time.
import type { Rng } from '../engine/random.js';

export class MeetingBody {
  private readonly used = new Map<number, number>();

  constructor(
    readonly name: string,
    private readonly cadence: number,
    private readonly slots: number,
    private readonly phase: number,
  ) {}

  /**
   * The body after a change of its places or cadence at time `now`. New places per meeting count for
   * meetings not yet full, bookings kept. A new cadence starts a new calendar of meetings from `now` on:
   * bookings already made keep their meetings and do not count against the new ones' places.
   */
  changed(cadence: number, slots: number, now: number): MeetingBody {
    if (cadence === this.cadence && slots === this.slots) return this;
    if (cadence === this.cadence) {
      const body = new MeetingBody(this.name, cadence, slots, this.phase);
      for (const [k, taken] of this.used) body.used.set(k, taken);
      return body;
    }
    const next = this.phase + Math.max(0, Math.ceil((now - this.phase) / this.cadence)) * this.cadence;
    return new MeetingBody(this.name, cadence, slots, next % cadence);
  }

  /** Books a place and returns the meeting time; Infinity when the body has no places at all. */
  book(t: number): number {
    if (this.slots <= 0) return Infinity;
    let k = Math.max(0, Math.ceil((t - this.phase) / this.cadence));
    let taken = this.used.get(k) ?? 0;
    while (taken >= this.slots) {
      k++;
      taken = this.used.get(k) ?? 0;
    }
    this.used.set(k, taken + 1);
    return this.phase + k * this.cadence;
  }
}

/**
 * Splits a regional capacity over the two school levels in proportion to pupils, by largest remainder, so
 * the two parts always add up to the total (a capacity of 1 is one place, on the level with more pupils).
 */
export function splitCapacity(total: number, share: number): [number, number] {
  if (total === Infinity) return [Infinity, Infinity];
  if (total <= 0) return [0, 0];
  const exact = total * share;
  const primary = Math.floor(exact);
  const secondary = Math.floor(total - exact);
  const left = total - primary - secondary;
  if (left === 0) return [primary, secondary];
  // One place is left over: it goes to the level whose exact share lost more to rounding down (ties: primary).
  return exact - primary >= total - exact - secondary ? [primary + left, secondary] : [primary, secondary + left];
}

export function phaseOf(rng: Rng, cadence: number): number {
  return rng.next() * cadence;
}

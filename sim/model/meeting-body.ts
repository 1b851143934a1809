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

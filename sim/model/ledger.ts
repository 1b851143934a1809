// Costs per budget (SWV education, municipal care, the state for OM/RvdK, and the bundled pot), counted
// only inside the measured period. The bundled pot (advice 10; one pot, 001) has a yearly size and can run
// out, after which combined arrangements fall back to negotiation between the separate budgets.
import type { Budget } from './vocabulary.js';
import { BUDGETS, WEEKS_PER_YEAR } from './vocabulary.js';

export class Ledger {
  readonly totals: Record<Budget, number> = { swv: 0, gemeente: 0, rijk: 0, pot: 0 };
  private readonly potSpent = new Map<number, number>();

  constructor(
    private readonly measuredStart: number,
    private readonly measuredEnd: number,
    private readonly potPerYear: number,
  ) {}

  charge(budget: Budget, eur: number, t: number): void {
    if (t >= this.measuredStart && t < this.measuredEnd) this.totals[budget] += eur;
  }

  /** Half to the SWV, half to the municipality (the 50/50 funding of 004 6.7). */
  chargeShared(eur: number, t: number): void {
    this.charge('swv', eur / 2, t);
    this.charge('gemeente', eur / 2, t);
  }

  /** Draws eur from this year's pot if it still holds that much; false means the pot is exhausted. */
  drawPot(eur: number, t: number): boolean {
    const year = Math.floor(t / WEEKS_PER_YEAR);
    const spent = this.potSpent.get(year) ?? 0;
    if (spent + eur > this.potPerYear) return false;
    this.potSpent.set(year, spent + eur);
    this.charge('pot', eur, t);
    return true;
  }

  total(): number {
    return BUDGETS.reduce((sum, b) => sum + this.totals[b], 0);
  }
}

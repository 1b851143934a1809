// Costs per budget (SWV education, municipal care, the state for OM/RvdK, and the bundled pot), per item
// (each escalation body, MDT, arrangements, care, maatwerk, absence follow-up) and per final funder (the
// pot attributed to SWV and municipality by their agreed shares), counted only inside the measured period.
// The bundled pot (advice 10; one pot, 001) has a yearly size and can run out, after which combined
// arrangements fall back to negotiation between the separate budgets. Care bought outside the contracted
// slots draws on its own yearly budget.
import type { Budget, CostItem, Funder } from './vocabulary.js';
import { BUDGETS, COST_ITEMS, FUNDERS, WEEKS_PER_YEAR } from './vocabulary.js';
import { measuredYearOf } from './yearly.js';

/** A yearly allowance that resets each simulated year; its size is the one in force when money is taken. */
class YearlyAllowance {
  private readonly spent = new Map<number, number>();
  constructor(private readonly perYear: () => number) {}

  take(eur: number, t: number): boolean {
    const year = Math.floor(t / WEEKS_PER_YEAR);
    const spent = this.spent.get(year) ?? 0;
    if (spent + eur > this.perYear()) return false;
    this.spent.set(year, spent + eur);
    return true;
  }
}

function emptyTotals(): Record<Budget, number> {
  return { swv: 0, gemeente: 0, rijk: 0, pot: 0 };
}

function emptyItems(): Record<CostItem, number> {
  return Object.fromEntries(COST_ITEMS.map((i) => [i, 0])) as Record<CostItem, number>;
}

export class Ledger {
  readonly totals = emptyTotals();
  readonly items = emptyItems();
  private readonly pot: YearlyAllowance;
  private readonly extraCare: YearlyAllowance;
  private readonly perYear: Array<{ totals: Record<Budget, number>; items: Record<CostItem, number> }>;

  constructor(
    private readonly measuredStart: number,
    private readonly measuredEnd: number,
    potPerYear: () => number,
    private readonly potShareSwv: number,
    extraCarePerYear: () => number,
  ) {
    this.pot = new YearlyAllowance(potPerYear);
    this.extraCare = new YearlyAllowance(extraCarePerYear);
    const years = Math.round((measuredEnd - measuredStart) / WEEKS_PER_YEAR);
    this.perYear = Array.from({ length: years }, () => ({ totals: emptyTotals(), items: emptyItems() }));
  }

  /** What was charged in measured school year y (0, 1, ...) alone. */
  yearTotals(y: number): Record<Budget, number> {
    return (this.perYear[y] as { totals: Record<Budget, number> }).totals;
  }

  yearItems(y: number): Record<CostItem, number> {
    return (this.perYear[y] as { items: Record<CostItem, number> }).items;
  }

  charge(budget: Budget, eur: number, t: number, item: CostItem): void {
    if (t >= this.measuredStart && t < this.measuredEnd) {
      this.totals[budget] += eur;
      this.items[item] += eur;
      const year = this.perYear[measuredYearOf(t, this.measuredStart, this.perYear.length)];
      if (year !== undefined) {
        year.totals[budget] += eur;
        year.items[item] += eur;
      }
    }
  }

  /** Half to the SWV, half to the municipality (the 50/50 funding of 004 6.7). */
  chargeShared(eur: number, t: number, item: CostItem): void {
    this.charge('swv', eur / 2, t, item);
    this.charge('gemeente', eur / 2, t, item);
  }

  /** Draws eur from this year's pot if it still holds that much; false means the pot is exhausted. */
  drawPot(eur: number, t: number, item: CostItem): boolean {
    if (!this.pot.take(eur, t)) return false;
    this.charge('pot', eur, t, item);
    return true;
  }

  /** Whether this year's budget for care bought outside the slots still covers eur (and takes it if so). */
  takeExtraCare(eur: number, t: number): boolean {
    return this.extraCare.take(eur, t);
  }

  /** Costs by who finally pays: the pot split between SWV and municipality by the agreed shares. */
  byFunder(totals: Record<Budget, number> = this.totals): Record<Funder, number> {
    const out = Object.fromEntries(FUNDERS.map((f) => [f, 0])) as Record<Funder, number>;
    out.swv = totals.swv + totals.pot * this.potShareSwv;
    out.gemeente = totals.gemeente + totals.pot * (1 - this.potShareSwv);
    out.rijk = totals.rijk;
    return out;
  }

  total(): number {
    return BUDGETS.reduce((sum, b) => sum + this.totals[b], 0);
  }
}

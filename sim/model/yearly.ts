// Accumulators that keep a figure for the whole measured period and for each measured school year, so a
// projection reports every metric per year without a second pass. The whole-period figure is summed
// directly, not from the years, so it stays exactly what a run without years would report.

import { WEEKS_PER_YEAR } from './vocabulary.js';

/** The measured school year (0, 1, ...) t falls in, for a period of `years` years from `start`; -1 outside it. */
export function measuredYearOf(t: number, start: number, years: number): number {
  if (t < start || t >= start + years * WEEKS_PER_YEAR) return -1;
  return Math.min(years - 1, Math.floor((t - start) / WEEKS_PER_YEAR));
}

/** A running mean. */
export class Mean {
  private sum = 0;
  private n = 0;
  add(x: number): void {
    this.sum += x;
    this.n++;
  }
  value(): number | null {
    return this.n === 0 ? null : this.sum / this.n;
  }
}

/** A sum over the measured period and per measured year. */
export class YearlySum {
  total = 0;
  readonly years: Float64Array;
  constructor(years: number) {
    this.years = new Float64Array(years);
  }
  add(year: number, x = 1): void {
    this.total += x;
    this.years[year] = (this.years[year] as number) + x;
  }
}

/** A mean over the measured period and per measured year. */
export class YearlyMean {
  readonly total = new Mean();
  readonly years: Mean[];
  constructor(years: number) {
    this.years = Array.from({ length: years }, () => new Mean());
  }
  add(year: number, x: number): void {
    this.total.add(x);
    (this.years[year] as Mean).add(x);
  }
}

/** Items kept for the whole period and per year (observations of a cohort, say). */
export class YearlyList<T> {
  readonly total: T[] = [];
  readonly years: T[][];
  constructor(years: number) {
    this.years = Array.from({ length: years }, () => []);
  }
  add(year: number, item: T): void {
    this.total.push(item);
    (this.years[year] as T[]).push(item);
  }
}

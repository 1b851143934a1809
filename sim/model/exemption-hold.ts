// How long an art. 5a exemption is held: granted for a school year and renewed each year with a fixed
// chance (DOMAIN.md: renewed per school year), so the years held are 1 + a geometric number of renewals.
import { WEEKS_PER_YEAR } from './vocabulary.js';

/** Weeks held, from one uniform u in [0, 1): 52 * (1 + K) with P(K >= k) = renewal^k. */
export function exemptionHoldWeeks(u: number, renewal: number): number {
  return WEEKS_PER_YEAR * (1 + renewals(u, renewal));
}

/** The rest of an exemption already held at the start (stationary residual): part of this year plus later renewals. */
export function residualHoldWeeks(uYear: number, uRenewals: number, renewal: number): number {
  return WEEKS_PER_YEAR * (uYear + renewals(uRenewals, renewal));
}

function renewals(u: number, renewal: number): number {
  if (renewal <= 0) return 0;
  if (renewal >= 1) return 1000;
  return Math.floor(Math.log(1 - u) / Math.log(renewal));
}

/** Mean weeks held, for the stock a region starts with. */
export function meanHoldWeeks(renewal: number): number {
  return WEEKS_PER_YEAR * (1 + (renewal >= 1 ? 1000 : renewal / (1 - renewal)));
}

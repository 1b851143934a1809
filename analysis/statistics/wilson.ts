// The Wilson score interval for a share of replications: unlike the normal (Wald) interval it stays
// inside [0, 1] and does not collapse to a point when every replication (or none) meets a goal, which
// is exactly the case a goal table meets most often (Brown, Cai & DasGupta 2001, Statistical Science
// 16(2), recommend it for small n).

/** The 97.5% quantile of the standard normal distribution. */
const Z_975 = 1.959963984540054;

export interface ShareInterval {
  share: number;
  ci95_low: number;
  ci95_high: number;
  n: number;
}

/** Share `successes / n` with its Wilson 95% interval; n = 0 gives NaN (no replication, no share). */
export function wilsonInterval(successes: number, n: number): ShareInterval {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`wilsonInterval: n must be a whole number >= 0, got ${n}`);
  if (!Number.isInteger(successes) || successes < 0 || successes > n) {
    throw new RangeError(`wilsonInterval: successes must be a whole number from 0 to n = ${n}, got ${successes}`);
  }
  if (n === 0) return { share: NaN, ci95_low: NaN, ci95_high: NaN, n: 0 };
  const p = successes / n;
  const z2 = Z_975 * Z_975;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const halfWidth = (Z_975 / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // The bounds are exactly 0 and 1 when p is: rounding must not put them a hair away from it.
  const low = successes === 0 ? 0 : Math.max(0, centre - halfWidth);
  const high = successes === n ? 1 : Math.min(1, centre + halfWidth);
  return { share: p, ci95_low: low, ci95_high: high, n };
}

/**
 * Index of the first cumulative probability strictly above u, by binary search. Entries with zero
 * probability repeat the previous cumulative value and so are never chosen. The last entry must be
 * exactly 1 so that every u in [0, 1) finds an index.
 */
export function firstAbove(cumulative: readonly number[], u: number): number {
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (u < (cumulative[middle] ?? 1)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** Running sums of normalised probabilities, with the last forced to exactly 1 against rounding. */
export function cumulativeOf(probabilities: readonly number[]): number[] {
  let sum = 0;
  const cumulative = probabilities.map((p) => (sum += p));
  cumulative[cumulative.length - 1] = 1;
  return cumulative;
}

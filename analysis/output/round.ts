// The one rounding every output file applies to its numbers, so a CSV and a JSON file of the same
// results agree digit for digit.

/**
 * Ten significant digits: far beyond what a replication average can claim, and short of the last
 * bits where a different summation order would show, so equal inputs give equal bytes. Whole
 * numbers are left as they are.
 */
export function roundForOutput(value: number): number {
  return Number.isInteger(value) ? value : Number(value.toPrecision(10));
}

// Paired differences between a scenario and the reference, replication by replication (the scenarios
// share their random numbers, so the paired difference is far tighter than the difference of two
// independent means): over all measured years, and for each school year against the reference's year
// of the same label. One definition for both, so a year's difference is the all-years one on that year.
import { pairedDifference, type MetricSummary } from '../statistics/summary.js';
import { allYears, inYear, metricValues, presentMetricNames, summariseMetrics, summariseYears, type FigurePick, type YearlyFigures, type YearSummary } from './aggregate.js';

export type Differences = Record<string, MetricSummary>;

/**
 * Per metric, the summary of a[i] - b[i] over the replications i where both are defined. `pick`
 * selects the figures of the scenario, `referencePick` those of the reference.
 */
export function pairedDifferences(
  outputs: readonly YearlyFigures[],
  reference: readonly YearlyFigures[],
  pick: FigurePick = allYears,
  referencePick: FigurePick = pick,
): Differences {
  const differences: Differences = {};
  const names = new Set([...presentMetricNames(outputs, pick), ...presentMetricNames(reference, referencePick)]);
  for (const metric of [...names].sort()) {
    const a = metricValues(outputs, metric, pick);
    const b = metricValues(reference, metric, referencePick);
    const pairs = a.flatMap((value, i) => {
      const other = b[i];
      return value === null || other === null || other === undefined ? [] : [[value, other] as const];
    });
    differences[metric] = pairedDifference(
      pairs.map((p) => p[0]),
      pairs.map((p) => p[1]),
    );
  }
  return differences;
}

/**
 * Each school year's paired difference from the reference's year with the same label; null for a
 * year the reference did not measure (another start or length), since nothing pairs with it.
 */
export function yearDifferences(
  outputs: readonly YearlyFigures[],
  labels: readonly string[],
  reference: readonly YearlyFigures[],
  referenceLabels: readonly string[],
): Array<Differences | null> {
  return labels.map((label, index) => {
    const referenceIndex = referenceLabels.indexOf(label);
    return referenceIndex < 0 ? null : pairedDifferences(outputs, reference, inYear(index), inYear(referenceIndex));
  });
}

export interface YearComparison extends YearSummary {
  difference_vs_reference: Differences | null;
}

/** A family of figures of one scenario: summaries and paired differences, all years and per year. */
export interface FigureComparison {
  metrics: Record<string, MetricSummary>;
  difference_vs_reference: Differences | null;
  years: YearComparison[];
}

export interface FigureBlock {
  figures: readonly YearlyFigures[];
  labels: readonly string[];
}

/** `reference` null: this is the reference itself (its differences are null). */
export function compareFigures(block: FigureBlock, reference: FigureBlock | null): FigureComparison {
  const years = summariseYears(block.figures, block.labels);
  const differences = reference === null ? null : yearDifferences(block.figures, block.labels, reference.figures, reference.labels);
  return {
    metrics: summariseMetrics(block.figures),
    difference_vs_reference: reference === null ? null : pairedDifferences(block.figures, reference.figures),
    years: years.map((year, i) => ({ ...year, difference_vs_reference: differences?.[i] ?? null })),
  };
}

// Summaries of replication outputs: mean, sample sd and a t-based 95% confidence interval for the
// mean. Replications are independent by construction (seeds are a pure function of the replication
// index), so the t interval is the textbook one.
import { mean, sampleStandardDeviation } from 'simple-statistics';
import { studentTQuantile } from './student-t.js';

export { studentTQuantile } from './student-t.js';

export interface MetricSummary {
  mean: number;
  sd: number;
  ci95_low: number;
  ci95_high: number;
  n: number;
}

/** One week of a weekly series, summarised over the replications. */
export interface WeeklyRow {
  week: number;
  /** A metric name of the model's vocabulary (thuiszitters_legal) or a weekly-only series (care_queue.ggz). */
  metric: string;
  mean: number;
  ci95_low: number;
  ci95_high: number;
}

/**
 * Mean, sample sd (n - 1) and 95% t interval of the values.
 * n = 1: sd 0 and the interval collapses to [mean, mean] (there is no spread to estimate; the
 * caller should show n so nobody reads that as certainty).
 * n = 0: every number is NaN and n is 0, so a metric that no replication defined stays visibly
 * undefined instead of throwing in the middle of a report.
 * Values must be finite: undefined metrics (null) are the caller's to drop before summarising.
 */
export function summarise(values: readonly number[]): MetricSummary {
  values.forEach((value, index) => {
    if (!Number.isFinite(value)) {
      throw new RangeError(`summarise: values[${index}] must be a finite number, got ${value}`);
    }
  });
  const n = values.length;
  if (n === 0) return { mean: NaN, sd: NaN, ci95_low: NaN, ci95_high: NaN, n: 0 };
  const m = mean([...values]);
  if (n === 1) return { mean: m, sd: 0, ci95_low: m, ci95_high: m, n: 1 };
  const sd = sampleStandardDeviation([...values]);
  const halfWidth = (studentTQuantile(0.975, n - 1) * sd) / Math.sqrt(n);
  return { mean: m, sd, ci95_low: m - halfWidth, ci95_high: m + halfWidth, n };
}

/**
 * Summary of the paired differences a[i] - b[i]. With common random numbers (the same seed for
 * replication i under both scenarios) the pairing removes the shared noise, so this interval is
 * much narrower than the difference of two independent intervals.
 */
export function pairedDifference(a: readonly number[], b: readonly number[]): MetricSummary {
  if (a.length !== b.length) {
    throw new RangeError(
      `pairedDifference: both samples must have the same length (paired by replication), got ${a.length} and ${b.length}`,
    );
  }
  return summarise(a.map((value, index) => value - (b[index] as number)));
}

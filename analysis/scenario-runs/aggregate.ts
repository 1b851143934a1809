// From per-replication outputs to the summaries users read. Everything here runs over the
// replications in index order, so the result is the same whatever worker produced which output.
import type { ReplicationOutput } from '../../sim/model/replication.js';
import { summarise, type MetricSummary, type WeeklyRow } from '../statistics/summary.js';

export interface ScenarioAggregate {
  metrics: Record<string, MetricSummary>;
  weekly: WeeklyRow[];
  /** Mean count per bin over the replications. */
  histograms: Record<string, number[]>;
  events: number;
  episodes: number;
}

function sortedKeys(outputs: readonly ReplicationOutput[], pick: (o: ReplicationOutput) => object): string[] {
  const keys = new Set<string>();
  for (const output of outputs) for (const key of Object.keys(pick(output))) keys.add(key);
  return [...keys].sort();
}

/** The values of one metric over the replications; null where a replication had none. */
export function metricValues(outputs: readonly ReplicationOutput[], metric: string): Array<number | null> {
  return outputs.map((o) => {
    const value = o.metrics[metric];
    return value === undefined ? null : value;
  });
}

export function presentMetricNames(outputs: readonly ReplicationOutput[]): string[] {
  return sortedKeys(outputs, (o) => o.metrics);
}

function summariseMetrics(outputs: readonly ReplicationOutput[]): Record<string, MetricSummary> {
  const metrics: Record<string, MetricSummary> = {};
  for (const name of presentMetricNames(outputs)) {
    const values = metricValues(outputs, name).filter((v): v is number => v !== null);
    metrics[name] = summarise(values);
  }
  return metrics;
}

function summariseWeekly(outputs: readonly ReplicationOutput[]): WeeklyRow[] {
  const rows: WeeklyRow[] = [];
  for (const metric of sortedKeys(outputs, (o) => o.weekly)) {
    const weeks = Math.max(...outputs.map((o) => o.weekly[metric]?.length ?? 0));
    for (let week = 0; week < weeks; week++) {
      const values = outputs.map((o) => o.weekly[metric]?.[week]).filter((v): v is number => v !== undefined);
      const summary = summarise(values);
      rows.push({ week, metric, mean: summary.mean, ci95_low: summary.ci95_low, ci95_high: summary.ci95_high });
    }
  }
  return rows;
}

function meanHistograms(outputs: readonly ReplicationOutput[]): Record<string, number[]> {
  const histograms: Record<string, number[]> = {};
  for (const name of sortedKeys(outputs, (o) => o.histograms)) {
    const length = Math.max(...outputs.map((o) => o.histograms[name]?.length ?? 0));
    const mean = new Array<number>(length).fill(0);
    for (const output of outputs) {
      const bins = output.histograms[name] ?? [];
      for (let i = 0; i < bins.length; i++) mean[i] = (mean[i] ?? 0) + (bins[i] ?? 0) / outputs.length;
    }
    histograms[name] = mean;
  }
  return histograms;
}

export function aggregateScenario(outputs: readonly ReplicationOutput[]): ScenarioAggregate {
  return {
    metrics: summariseMetrics(outputs),
    weekly: summariseWeekly(outputs),
    histograms: meanHistograms(outputs),
    events: outputs.reduce((sum, o) => sum + o.events, 0),
    episodes: outputs.reduce((sum, o) => sum + o.episodes, 0),
  };
}

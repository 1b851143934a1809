// From per-replication outputs to the summaries users read. Everything here runs over the
// replications in index order, so the result is the same whatever worker produced which output.
import type { ReplicationOutput } from '../../sim/model/replication.js';
import { summarise, type MetricSummary, type WeeklyRow } from '../statistics/summary.js';

/** One replication's figures: over all measured years, and for each school year alone (in order). */
export interface YearlyFigures {
  metrics: Readonly<Record<string, number | null>>;
  years: ReadonlyArray<Readonly<Record<string, number | null>>>;
}

/** Where a summary takes a replication's figures from: all measured years, or one school year. */
export type FigurePick = (figures: YearlyFigures) => Readonly<Record<string, number | null>> | undefined;
export const allYears: FigurePick = (figures) => figures.metrics;
export const inYear = (index: number): FigurePick => (figures) => figures.years[index];

/** The summaries of one school year; `label` is the school year ('2025/26'). */
export interface YearSummary {
  label: string;
  metrics: Record<string, MetricSummary>;
}

export interface ScenarioAggregate {
  metrics: Record<string, MetricSummary>;
  /** One entry per measured school year, in order. */
  years: YearSummary[];
  weekly: WeeklyRow[];
  /** Mean count per bin over the replications. */
  histograms: Record<string, number[]>;
  events: number;
  episodes: number;
}

function sortedKeys<T>(outputs: readonly T[], pick: (o: T) => object | undefined): string[] {
  const keys = new Set<string>();
  for (const output of outputs) for (const key of Object.keys(pick(output) ?? {})) keys.add(key);
  return [...keys].sort();
}

/** The values of one metric over the replications; null where a replication had none. */
export function metricValues(outputs: readonly YearlyFigures[], metric: string, pick: FigurePick = allYears): Array<number | null> {
  return outputs.map((o) => {
    const value = pick(o)?.[metric];
    return value === undefined ? null : value;
  });
}

export function presentMetricNames(outputs: readonly YearlyFigures[], pick: FigurePick = allYears): string[] {
  return sortedKeys(outputs, pick);
}

export function summariseMetrics(outputs: readonly YearlyFigures[], pick: FigurePick = allYears): Record<string, MetricSummary> {
  const metrics: Record<string, MetricSummary> = {};
  for (const name of presentMetricNames(outputs, pick)) {
    const values = metricValues(outputs, name, pick).filter((v): v is number => v !== null);
    metrics[name] = summarise(values);
  }
  return metrics;
}

/** Each school year's summaries; `labels` are the scenario's measured school years, in order. */
export function summariseYears(outputs: readonly YearlyFigures[], labels: readonly string[]): YearSummary[] {
  return labels.map((label, index) => ({ label, metrics: summariseMetrics(outputs, inYear(index)) }));
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

/** `years` are the scenario's measured school years ('2025/26', ...), in order. */
export function aggregateScenario(outputs: readonly ReplicationOutput[], years: readonly string[]): ScenarioAggregate {
  return {
    metrics: summariseMetrics(outputs),
    years: summariseYears(outputs, years),
    weekly: summariseWeekly(outputs),
    histograms: meanHistograms(outputs),
    events: outputs.reduce((sum, o) => sum + o.events, 0),
    episodes: outputs.reduce((sum, o) => sum + o.episodes, 0),
  };
}

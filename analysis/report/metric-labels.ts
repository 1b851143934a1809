// Plain-English names and units for the metric names, shared by tables and charts so that a figure is
// called the same thing everywhere in the report. The names, labels and units live in the model's one
// metric vocabulary (sim/model/metric-vocabulary.ts); this file adapts them for the report.
import { HEADLINE_METRICS as VOCABULARY_HEADLINES, humanise, metricInfo } from '../../sim/model/metric-vocabulary.js';
import type { Unit } from '../../sim/model/metric-vocabulary.js';

export type { Unit } from '../../sim/model/metric-vocabulary.js';
export { humanise } from '../../sim/model/metric-vocabulary.js';

export interface MetricLabel {
  label: string;
  unit: Unit;
}

export function metricLabel(metric: string): MetricLabel {
  const known = metricInfo(metric);
  if (known !== undefined) return { label: known.label, unit: known.unit };
  return { label: humanise(metric), unit: 'cases' };
}

/** Members of a metric family present in a metrics record, in sorted order: 'care_wait_weeks' -> ['ggz', ...]. */
export function familyMembers(metrics: Readonly<Record<string, unknown>>, family: string): string[] {
  const prefix = `${family}.`;
  return Object.keys(metrics)
    .filter((k) => k.startsWith(prefix))
    .map((k) => k.slice(prefix.length))
    .sort();
}

/** The figures the headline table and the difference chart show, the national goal's measure first. */
export const HEADLINE_METRICS: readonly string[] = VOCABULARY_HEADLINES;

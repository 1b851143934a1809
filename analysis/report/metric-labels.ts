// Plain-English names and units for the contract's metric names, shared by tables and charts so
// that a figure is called the same thing everywhere in the report.

export type Unit = 'pupils' | 'episodes' | 'cases' | 'weeks' | 'share' | 'EUR';

export interface MetricLabel {
  label: string;
  unit: Unit;
}

const fixed: Readonly<Record<string, MetricLabel>> = {
  new_episodes: { label: 'New absence episodes per year', unit: 'episodes' },
  thuiszitters_legal: { label: 'Thuiszitters, legal definition', unit: 'pupils' },
  thuiszitters_all: { label: 'Thuiszitters, all absence counted', unit: 'pupils' },
  // Time at home counts up to attendance, offer or not (absence > 3 months, as the 004 6.2 count).
  over_13_weeks_legal: { label: 'At home > 13 weeks (legal definition)', unit: 'pupils' },
  over_13_weeks_all: { label: 'At home > 13 weeks (all absence counted)', unit: 'pupils' },
  share_offer_within_13_weeks: { label: 'Share with a fitting offer within 13 weeks', unit: 'share' },
  median_weeks_to_offer: { label: 'Median time to a fitting offer', unit: 'weeks' },
  p90_weeks_to_offer: { label: '90th percentile time to a fitting offer', unit: 'weeks' },
  median_weeks_to_attendance: { label: 'Median time to attending again', unit: 'weeks' },
  p90_weeks_to_attendance: { label: '90th percentile time to attending again', unit: 'weeks' },
  exemptions: { label: 'Exemptions (art. 5a)', unit: 'pupils' },
  cost_eur_total: { label: 'Total cost per year', unit: 'EUR' },
};

// Families of metrics keyed by '<family>.<member>'; the member is a model name such as 'ggz'.
const families: Readonly<Record<string, (member: string) => MetricLabel>> = {
  care_wait_weeks: (m) => ({ label: `Wait for care: ${humanise(m)}`, unit: 'weeks' }),
  escalations: (m) => ({ label: `Escalations to ${humanise(m)}`, unit: 'cases' }),
  cost_eur: (m) => ({ label: `Cost per year, ${humanise(m)} budget`, unit: 'EUR' }),
  weeks_in_stage: (m) => ({ label: `Weeks in stage: ${humanise(m)}`, unit: 'weeks' }),
};

/** 'action_table' -> 'action table'; model names stay recognisable, only separators change. */
export function humanise(name: string): string {
  return name.replace(/[_-]+/g, ' ');
}

export function metricLabel(metric: string): MetricLabel {
  const known = fixed[metric];
  if (known !== undefined) return known;
  const dot = metric.indexOf('.');
  if (dot > 0) {
    const family = families[metric.slice(0, dot)];
    if (family !== undefined) return family(metric.slice(dot + 1));
  }
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
export const HEADLINE_METRICS: readonly string[] = [
  'share_offer_within_13_weeks',
  'over_13_weeks_legal',
  'over_13_weeks_all',
  'median_weeks_to_offer',
  'p90_weeks_to_offer',
  'median_weeks_to_attendance',
  'p90_weeks_to_attendance',
  'thuiszitters_legal',
  'thuiszitters_all',
  'new_episodes',
  'exemptions',
  'cost_eur_total',
];

// The one vocabulary of metrics: every key a replication reports, with its label, unit, description and
// whether it heads the report. Measures, the terminal table, the report, the web app and calibration all
// read it here, so a metric is named and explained once.
import { CARE_TYPES } from '../../scenarios/schema.js';
import type { CareType } from '../../scenarios/schema.js';
import type { Body, Budget, CostItem, Funder, Stage } from './vocabulary.js';
import { BODIES, BUDGETS, COST_ITEMS, FUNDERS, STAGES } from './vocabulary.js';

export type Unit = 'pupils' | 'episodes' | 'cases' | 'weeks' | 'share' | 'EUR';

export interface MetricInfo {
  label: string;
  unit: Unit;
  description: string;
  /** Shown in the headline table and the differences chart, in vocabulary order. */
  headline: boolean;
}

const info = (label: string, unit: Unit, description: string, headline = false): MetricInfo => ({ label, unit, description, headline });

const COHORT =
  'cohort: cases (not genuine illness) starting in the measured year and at home more than 4 weeks, from onset; ' +
  'Kaplan-Meier, with children who move away, age out or are still at home at the end of follow-up censored at that moment';

/** The metrics that are one number per measured year, in report order (the national goal's measure first among headlines). */
const SCALARS = {
  share_offer_within_13_weeks: info('Share with a fitting offer within 13 weeks', 'share', `Share of the cohort with a fitting offer within 13 weeks (${COHORT}).`, true),
  over_13_weeks_legal: info('At home > 13 weeks (legal definition)', 'pupils', 'Pupils at home more than 13 weeks at some moment of the year, unauthorised or not enrolled (the national count of 004 6.2); each pupil once.', true),
  over_13_weeks_without_offer: info('At home > 13 weeks without a fitting offer', 'pupils', 'Pupils at home more than 13 weeks without a fitting offer at some moment of the year (legal definition): the national goal of 002/004 is that there are none. A child with an offer who waits at home for it to start does not count.'),
  over_13_weeks_absolute: info('At home > 13 weeks, not enrolled', 'pupils', 'Of over_13_weeks_legal: pupils not enrolled at any school (absoluut verzuim).'),
  over_13_weeks_relative: info('At home > 13 weeks, enrolled', 'pupils', 'Of over_13_weeks_legal: pupils enrolled and absent without authorisation (relatief verzuim).'),
  over_13_weeks_all: info('At home > 13 weeks (all absence counted)', 'pupils', 'As over_13_weeks_legal, with authorised absence (illness) counted too: the hidden group of advice 1.', true),
  median_weeks_to_offer: info('Median time to a fitting offer', 'weeks', `Median weeks from onset to a fitting offer (${COHORT}); null when not reached.`, true),
  p90_weeks_to_offer: info('90th percentile time to a fitting offer', 'weeks', `90th percentile of weeks to a fitting offer (${COHORT}); null when not reached.`, true),
  median_weeks_to_attendance: info('Median time to attending again', 'weeks', `Median weeks from onset to attending again (${COHORT}).`, true),
  p90_weeks_to_attendance: info('90th percentile time to attending again', 'weeks', `90th percentile of weeks to attending again (${COHORT}).`, true),
  max_weeks_at_home: info('Longest time at home', 'weeks', 'The longest spell at home under the legal definition seen in the year, counted up to the end of the year.'),
  thuiszitters_legal: info('Thuiszitters, legal definition', 'pupils', 'Mean weekly count of pupils at home more than 4 weeks, unauthorised or not enrolled.', true),
  thuiszitters_all: info('Thuiszitters, all absence counted', 'pupils', 'Mean weekly count of pupils at home more than 4 weeks, authorised absence included.', true),
  new_episodes: info('New absence episodes per year', 'episodes', 'Absence episodes starting in the year, genuine illness included.', true),
  new_episodes_authorised: info('New authorised-absence episodes', 'episodes', 'Episodes of authorised absence (illness, masked or genuine) starting in the year.'),
  new_over_4_weeks_legal: info('New long relative absence (LRV)', 'cases', 'Enrolled cases passing 4 weeks of unauthorised absence in the year.'),
  open_over_4_weeks_legal_at_start: info('LRV open on 1 September', 'cases', 'Enrolled cases past 4 weeks of unauthorised absence on the first day of the measured period.'),
  lrv_in_year: info('LRV in the year', 'cases', 'Long relative absence as counted nationally: cases open on the first day of the year plus new ones.'),
  absolute_absence_cases: info('Absolute-absence cases', 'cases', 'Cases of children not enrolled, open on the first day of the year plus new ones.'),
  episodes_over_4_weeks: info('Cohort size (at home > 4 weeks)', 'episodes', `Size of the duration cohort (${COHORT}).`),
  exemptions: info('Exemptions (art. 5a)', 'pupils', 'New art. 5a exemptions granted in the year, by either route.', true),
  exemptions_escape_route: info('Exemptions out of an impasse', 'pupils', 'New exemptions granted to a case in impasse (the escape route, 004 6.4).'),
  exempted_pupils: info('Pupils holding an exemption', 'pupils', 'Pupils holding an art. 5a exemption at some moment of the year (direct and escape route).'),
  maatwerk_wait_weeks: info('Wait for a maatwerk place', 'weeks', 'Mean weeks a child who would have held an exemption waits for an individual learning route (exemptions abolished).'),
  cost_eur_total: info('Total cost per year', 'EUR', 'All costs booked in the measured year, every budget.', true),
} as const satisfies Record<string, MetricInfo>;

type ScalarMetric = keyof typeof SCALARS;
export type MetricName =
  | ScalarMetric
  | `care_wait_weeks.${CareType}`
  | `care_wait_weeks_others.${CareType}`
  | `escalations.${Body}`
  | `cost_eur.${Budget}`
  | `cost_eur_funder.${Funder}`
  | `cost_eur_item.${CostItem}`
  | `weeks_in_stage.${Stage}`;

/** Families of metrics keyed by '<family>.<member>'; the member is a model name such as 'ggz'. */
const FAMILIES: Readonly<Record<string, { members: readonly string[]; info: (member: string) => MetricInfo }>> = {
  care_wait_weeks: { members: CARE_TYPES, info: (m) => info(`Wait for care: ${humanise(m)}`, 'weeks', `Mean weeks from referral to the start of ${m} care, for thuiszitters starting care in the year (bypasses included).`) },
  care_wait_weeks_others: { members: CARE_TYPES, info: (m) => info(`Wait for care, other clients: ${humanise(m)}`, 'weeks', `Mean wait for ${m} care of clients who are not thuiszitters: what priority and bypasses cost them.`) },
  escalations: { members: BODIES, info: (m) => info(`Escalations to ${humanise(m)}`, 'cases', `Cases referred to ${m} in the year (counted at referral).`) },
  cost_eur: { members: BUDGETS, info: (m) => info(`Cost per year, ${humanise(m)} budget`, 'EUR', `Costs booked on the ${m} budget in the year.`) },
  cost_eur_funder: { members: FUNDERS, info: (m) => info(`Cost per year paid by ${humanise(m)}`, 'EUR', `Costs finally paid by ${m}, the bundled pot attributed by policy.budgets.potShareSwv.`) },
  cost_eur_item: { members: COST_ITEMS, info: (m) => info(`Cost per year: ${humanise(m)}`, 'EUR', `Costs of ${m} in the year.`) },
  weeks_in_stage: { members: STAGES, info: (m) => info(`Weeks in stage: ${humanise(m)}`, 'weeks', `Mean weeks the cohort spends in stage ${m}; the stages partition onset to the end of the episode.`) },
};

/** 'action_table' -> 'action table'; model names stay recognisable, only separators change. */
export function humanise(name: string): string {
  return name.replace(/[_-]+/g, ' ');
}

/** Every key of a replication's metrics, so commands can reject a misspelt metric before running. */
export function metricNames(): MetricName[] {
  const names: string[] = Object.keys(SCALARS);
  for (const [family, { members }] of Object.entries(FAMILIES)) for (const member of members) names.push(`${family}.${member}`);
  return names as MetricName[];
}

/** What a metric means; undefined for a name outside the vocabulary. */
export function metricInfo(name: string): MetricInfo | undefined {
  const scalar = (SCALARS as Record<string, MetricInfo>)[name];
  if (scalar !== undefined) return scalar;
  const dot = name.indexOf('.');
  if (dot <= 0) return undefined;
  const family = FAMILIES[name.slice(0, dot)];
  const member = name.slice(dot + 1);
  return family !== undefined && family.members.includes(member) ? family.info(member) : undefined;
}

/** The figures the headline table and the difference chart show, the national goal's measure first. */
export const HEADLINE_METRICS: readonly MetricName[] = (Object.entries(SCALARS) as [ScalarMetric, MetricInfo][])
  .filter(([, i]) => i.headline)
  .map(([name]) => name);

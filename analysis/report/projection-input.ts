// What the report needs of a projection over several school years: each scenario's figures per year
// (comparison.json's `years`), its calendar (the first day of the first measured year and the dated
// changes of its timeline), and the goals with the share of replications meeting them (goal.json).
// The zod schemas here check these parts of report-input.json, which is read back from disk: a year's
// label lands in the page and in a chart's axis expression, so it must be a school year and nothing else.
import { z } from 'zod';
import { parseIsoDate } from '../../scenarios/calendar.js';
import type { MetricSummary } from '../statistics/summary.js';

/** One measured school year of a scenario: the same metric keys as the all-years `metrics`. */
export interface YearReport {
  /** '2025/26' */
  label: string;
  metrics: Record<string, MetricSummary>;
  /** Paired difference against the first scenario in this year; null for the first. */
  difference: Record<string, MetricSummary> | null;
}

/** A dated change of the scenario's timeline, as the trajectory chart marks it. */
export interface CalendarChange {
  /** ISO date the change starts. */
  from: string;
  /** 0 = a switch at `from`; otherwise numeric values move linearly over this many years. */
  rampYears: number;
  /** The dot paths the change sets (policy.casusregisseur.enabled, care.ggz.capacity, ...). */
  paths: string[];
}

export interface ScenarioCalendar {
  /** ISO date: the first day of the first measured school year. */
  start: string;
  changes: CalendarChange[];
}

export type GoalTarget = { kind: 'absolute'; value: number } | { kind: 'relative'; change: number; reference: string };

/** One goal of goal.json: per scenario, the share of replications meeting it per year (Wilson 95% CI). */
export interface GoalReport {
  /** The goal as written: 'over_13_weeks_legal<=0', 'over_13_weeks_legal<=-75%@2025/26'. */
  goal: string;
  metric: string;
  operator: '<=' | '>=';
  target: GoalTarget;
  source: 'default' | 'scenario' | 'option';
  scenarios: Array<{
    scenario: string;
    years: Array<{ label: string; share: number | null; ci95_low: number | null; ci95_high: number | null; n: number }>;
    first_year_80: string | null;
    first_year_95: string | null;
  }>;
}

/** What a caller with a projection adds to a scenario report: per compared scenario, in order. */
export interface ScenarioProjection {
  calendar: ScenarioCalendar;
  years: YearReport[];
}

/** scenarios/schema.ts allows at most 20 measured years; more in a report input is not thuiszit's. */
export const MAX_PROJECTION_YEARS = 20;
/** A scenario's timeline has no stated limit; a report input with more changes than this is not a real one. */
const MAX_CHANGES = 200;
const MAX_GOALS = 50;

/** A figure of report-input.json: null where the writer met a NaN (a metric no replication defined). */
export const figureSchema = z.number().nullable();
const figure = figureSchema;
export const metricSummarySchema = z.object({ mean: figure, sd: figure, ci95_low: figure, ci95_high: figure, n: z.number().int().min(0) });

/** '2025/26': the second year is the first plus one, so '2025/99' is refused too. */
export const schoolYearLabelSchema = z
  .string()
  .regex(/^\d{4}\/\d{2}$/, 'expected a school year such as 2025/26')
  .refine((label) => (Number(label.slice(0, 4)) + 1) % 100 === Number(label.slice(5)), 'expected a school year such as 2025/26 (two consecutive years)');

const isoDateSchema = z.string().refine((text) => parseIsoDate(text) !== null, 'expected a date YYYY-MM-DD');

export const yearsSchema = z
  .array(
    z.object({
      label: schoolYearLabelSchema,
      metrics: z.record(z.string(), metricSummarySchema),
      difference: z.record(z.string(), metricSummarySchema).nullable(),
    }),
  )
  .min(1)
  .max(MAX_PROJECTION_YEARS);

export const calendarSchema = z.object({
  start: isoDateSchema,
  changes: z
    .array(z.object({ from: isoDateSchema, rampYears: z.number().min(0).max(MAX_PROJECTION_YEARS), paths: z.array(z.string()) }))
    .max(MAX_CHANGES),
});

const share = z.number().min(0).max(1).nullable();

export const goalsSchema = z
  .array(
    z.object({
      goal: z.string(),
      metric: z.string(),
      operator: z.enum(['<=', '>=']),
      target: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('absolute'), value: z.number() }),
        z.object({ kind: z.literal('relative'), change: z.number(), reference: schoolYearLabelSchema }),
      ]),
      source: z.enum(['default', 'scenario', 'option']),
      scenarios: z.array(
        z.object({
          scenario: z.string(),
          years: z.array(z.object({ label: schoolYearLabelSchema, share, ci95_low: share, ci95_high: share, n: z.number().int().min(0) })).max(MAX_PROJECTION_YEARS),
          first_year_80: schoolYearLabelSchema.nullable(),
          first_year_95: schoolYearLabelSchema.nullable(),
        }),
      ),
    }),
  )
  .max(MAX_GOALS);

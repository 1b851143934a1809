// What the report needs to know about a run: the data shapes the commands hand to buildReport.
// Everything here is already summarised over replications; the report only formats and draws.

import { z } from 'zod';
import type { MetricSummary, WeeklyRow } from '../statistics/summary.js';
import type { MetricDecomposition } from '../decomposition/shapley.js';
import { zodProblems } from '../output/zod-problems.js';
import { calendarSchema, figureSchema, goalsSchema, metricSummarySchema, yearsSchema, type GoalReport, type ScenarioCalendar, type YearReport } from './projection-input.js';
import { checkProjection } from './projection-checks.js';

export type { MetricSummary, WeeklyRow };
export type { GoalReport, ScenarioCalendar, YearReport };

export interface ScenarioReport {
  name: string;
  description: string;
  /** YAML text of what the scenario file states (what it changes). */
  stated: string;
  sha256: string;
  /** Metric names as in the model contract, e.g. thuiszitters_legal, care_wait_weeks.ggz. */
  metrics: Record<string, MetricSummary>;
  /** Paired difference against the first scenario (common random numbers); null for the first. */
  difference: Record<string, MetricSummary> | null;
  /** Series include thuiszitters_legal and thuiszitters_all (pupils at home, per week of the measured period). */
  weekly: WeeklyRow[];
  /** 'weeks_to_offer', 'weeks_to_attendance': mean count of episodes per whole week 0..103, last bin = 104+. */
  histograms: Record<string, number[]>;
  /** Per measured school year, in order; absent before projections and in sensitivity or calibration. */
  years?: YearReport[];
  /** When the projection starts and what its timeline changes when (the trajectory chart's rules). */
  calendar?: ScenarioCalendar;
}

/**
 * Columns the sensitivity chart reads per method (sensitivity-rows.ts builds them from the
 * analysis results): extra columns are shown in the table only.
 * - oat: path, low, high, outputAtLow, outputAtHigh, and baseOutput (the metric at the base point)
 * - morris: path, muStar, muStar_ci95_low, muStar_ci95_high, sigma
 * - sobol: path, S1, S1_ci95_low, S1_ci95_high, ST, ST_ci95_low, ST_ci95_high
 */
export interface SensitivityInput {
  method: 'oat' | 'morris' | 'sobol';
  metric: string;
  rows: Array<Record<string, number | string>>;
}

export interface CalibrationInput {
  fitted: Array<{ path: string; value: number; ci95_low: number; ci95_high: number }>;
  /**
   * observed is the cell as the region wrote it ("120", "100-140", "<5"); observed_low/high, when
   * given (calibration's FitRow has them), are its numeric reading and take precedence for the chart.
   */
  fit: Array<{ measure: string; period: string; observed: string; observed_low?: number; observed_high?: number; simulated_mean: number; ci95_low: number; ci95_high: number }>;
}

/** A package's effect split over its components (analysis/decomposition/shapley.ts defines each figure). */
export interface DecompositionInput {
  package: string;
  reference: string;
  method: 'exact' | 'sampled';
  components: Array<{ name: string; paths: string[] }>;
  /** Per metric; components[i] of each is the components[i] above. */
  metrics: Record<string, MetricDecomposition>;
}

export interface ReportInput {
  title: string;
  version: string;
  seed: number;
  replications: number;
  command: string;
  scenarios: ScenarioReport[];
  /** The parameters of the first scenario, with where each value comes from. */
  parameters: Array<{ path: string; value: number; provenance: string }>;
  sensitivity?: SensitivityInput;
  calibration?: CalibrationInput;
  decomposition?: DecompositionInput;
  /** goal.json's goals: per goal and scenario, the share of replications meeting it in each year. */
  goals?: GoalReport[];
}

// report-input.json is read back from disk by `thuiszit report`: it is untrusted, so it is checked
// field by field before anything is drawn (a text where a number belongs would otherwise land in the
// page unescaped, and a missing field would surface as a TypeError).
const figure = figureSchema;
const summarySchema = metricSummarySchema;
const scenarioSchema = z.object({
  name: z.string(),
  description: z.string(),
  stated: z.string(),
  sha256: z.string(),
  metrics: z.record(z.string(), summarySchema),
  difference: z.record(z.string(), summarySchema).nullable(),
  weekly: z.array(z.object({ week: z.number().int(), metric: z.string(), mean: figure, ci95_low: figure, ci95_high: figure })),
  histograms: z.record(z.string(), z.array(figure)),
  years: yearsSchema.optional(),
  calendar: calendarSchema.optional(),
});
const reportInputSchema = z.object({
  title: z.string(),
  version: z.string(),
  seed: z.number().int().min(0),
  replications: z.number().int().min(1),
  command: z.string(),
  scenarios: z.array(scenarioSchema).min(1),
  parameters: z.array(z.object({ path: z.string(), value: z.number(), provenance: z.string() })),
  sensitivity: z.object({
    method: z.enum(['oat', 'morris', 'sobol']),
    metric: z.string(),
    rows: z.array(z.record(z.string(), z.union([z.number(), z.string(), z.null()]))),
  }).optional(),
  calibration: z.object({
    fitted: z.array(z.object({ path: z.string(), value: z.number(), ci95_low: figure, ci95_high: figure })),
    fit: z.array(z.object({
      measure: z.string(), period: z.string(), observed: z.string(),
      observed_low: z.number().optional(), observed_high: z.number().optional(),
      simulated_mean: figure, ci95_low: figure, ci95_high: figure,
    })),
  }).optional(),
  decomposition: z.object({
    package: z.string(),
    reference: z.string(),
    method: z.enum(['exact', 'sampled']),
    components: z.array(z.object({ name: z.string(), paths: z.array(z.string()) })),
    metrics: z.record(z.string(), z.object({
      replications: z.number().int().min(0),
      total: summarySchema,
      sum_alone: summarySchema,
      interaction: summarySchema,
      components: z.array(z.object({ shapley: summarySchema, alone: summarySchema, leave_one_out: summarySchema, interaction: summarySchema, share_of_total: figure })),
    })),
  }).optional(),
  goals: goalsSchema.optional(),
});

/** Parses and checks report-input.json; the message names the file and each bad field. */
export function parseReportInput(text: string, file: string): ReportInput {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not valid JSON (${(error as Error).message}); expected the report input a thuiszit command wrote`);
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new Error(`${file} holds ${json === null ? 'null' : Array.isArray(json) ? 'an array' : typeof json}; expected an object with title, version, seed, replications, command, scenarios and parameters`);
  }
  const parsed = reportInputSchema.safeParse(json);
  if (!parsed.success) throw new Error(`${file} is not a report input of thuiszit: ${zodProblems(parsed.error)}`);
  // Figures stored as null stand for NaN, as before the round trip.
  const input = parsed.data as ReportInput;
  const problem = checkProjection(input);
  if (problem !== null) throw new Error(`${file} is not a report input of thuiszit: ${problem}`);
  return input;
}

// What the report needs to know about a run: the data shapes the commands hand to buildReport.
// Everything here is already summarised over replications; the report only formats and draws.

import type { MetricSummary, WeeklyRow } from '../statistics/summary.js';

export type { MetricSummary, WeeklyRow };

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
}

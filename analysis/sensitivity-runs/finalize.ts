// Writes a sensitivity study's outputs from its results: sensitivity.json and .csv with the indices
// per metric, points.csv with every design point's mean outputs. Shared by the command and merge.
import type { ReplicationOutput } from '../../sim/model/replication.js';
import { csvTable } from '../output/csv.js';
import { stableJson } from '../output/json.js';
import { writeFiles } from '../output/write-files.js';
import { analyseMetric, pointMeans, type SensitivityRow } from './analyse.js';
import type { SensitivityPlanOptions } from './plan.js';

export interface SensitivityOutcome {
  files: string[];
  indices: Record<string, SensitivityRow[]>;
}

function roundedNote(options: SensitivityPlanOptions): { parameters: string[]; note: string } | null {
  if (options.rounded.length === 0) return null;
  const note = options.method === 'oat'
    ? 'whole-number parameters ran at rounded values; low and high are the values that ran (points.csv lists every point)'
    : `whole-number parameters ran at rounded values (points.csv lists them); the ${options.method} indices are those of the design's continuous values passed through that rounding`;
  return { parameters: options.rounded, note };
}

/** A design point's value as a CSV cell: numbers as numbers, switches and choices as their text. */
function cellOf(value: number | string | boolean | undefined): number | string | null {
  if (value === undefined) return null;
  return typeof value === 'boolean' ? String(value) : value;
}

export function finalizeSensitivity(options: SensitivityPlanOptions, results: readonly ReplicationOutput[], out: string): SensitivityOutcome {
  const means = Object.fromEntries(options.metrics.map((m) => [m, pointMeans(options, results, m)]));
  const indices = Object.fromEntries(options.metrics.map((m) => [m, analyseMetric(options, means[m] ?? [])]));
  const columns = [...new Set(Object.values(indices).flatMap((rows) => rows.flatMap((r) => Object.keys(r))))];
  const sensitivityCsv = csvTable(
    ['metric', ...columns],
    options.metrics.flatMap((m) => (indices[m] ?? []).map((row) => [m, ...columns.map((c) => row[c] ?? null)])),
  );
  const paths = options.ranges.map((r) => r.path);
  const pointsCsv = csvTable(
    ['point', ...paths, ...options.metrics],
    options.points.map((point, p) => [p, ...paths.map((k) => cellOf(point[k])), ...options.metrics.map((m) => means[m]?.[p] ?? null)]),
  );
  const json = stableJson({
    scenario: options.scenario.name,
    scenario_sha256: options.scenario.sha256,
    method: options.method,
    seed: options.seed,
    samples: options.samples,
    replications: options.replications,
    points: options.points.length,
    parameters: options.ranges,
    rounded: roundedNote(options),
    indices,
  });
  const files = new Map([
    ['sensitivity.json', json],
    ['sensitivity.csv', sensitivityCsv],
    ['points.csv', pointsCsv],
  ]);
  return { files: writeFiles(out, files), indices };
}

// `thuiszit sensitivity`: which parameters move a figure, by one-at-a-time swings, Morris
// elementary effects or Sobol indices, on the worker pool or as cluster shards.
import { loadScenario } from '../../scenarios/load.js';
import { listParams } from '../../scenarios/params.js';
import type { ReportInput } from '../report/report-input.js';
import { metricNames } from '../../sim/model/metric-vocabulary.js';
import { writeReportFiles } from './report-files.js';
import { parseParamRanges } from '../sensitivity/parameters.js';
import { finalizeSensitivity, type SensitivityOutcome } from '../sensitivity-runs/finalize.js';
import { planSensitivity, SENSITIVITY_METHODS, type SensitivityMethod, type SensitivityPlanOptions } from '../sensitivity-runs/plan.js';
import { checkParamPaths } from '../sensitivity-runs/param-paths.js';
import { scenarioEntry } from '../report/scenario-entry.js';
import { thuiszitVersion } from '../version.js';
import { nonEmptyText, OptionError, wholeNumber } from './option-checks.js';
import { executeScenarioPlan, removeWork, replicationTaskModule, type ExecutionOptions } from './scenario-execution.js';

export const DEFAULT_SENSITIVITY_METRICS = ['share_offer_within_13_weeks', 'over_13_weeks_legal', 'median_weeks_to_offer', 'cost_eur_total'];

export interface SensitivityOptions {
  scenario: string;
  sets: readonly string[];
  params: readonly string[];
  method: string;
  samples: number;
  replications: number;
  seed: number;
  metrics: readonly string[];
  out: string;
  report: boolean;
  execution: ExecutionOptions;
  command: string;
}

export interface SensitivityResult {
  complete: boolean;
  outcome: SensitivityOutcome | null;
  reportPath: string | null;
}

export function sensitivityReport(options: SensitivityPlanOptions, outcome: SensitivityOutcome, command: string): ReportInput {
  const metric = options.metrics[0]!;
  return {
    title: `thuiszit sensitivity: ${options.scenario.name} (${options.method})`,
    version: thuiszitVersion(),
    seed: options.seed,
    replications: options.replications,
    command,
    scenarios: [scenarioEntry(options.scenario)],
    parameters: listParams(options.base),
    sensitivity: { method: options.method, metric, rows: outcome.indices[metric] ?? [] },
  };
}

export async function sensitivityCommand(options: SensitivityOptions): Promise<SensitivityResult> {
  if (!(SENSITIVITY_METHODS as readonly string[]).includes(options.method)) {
    throw new OptionError('method', options.method, `one of ${SENSITIVITY_METHODS.join(', ')}`);
  }
  const method = options.method as SensitivityMethod;
  wholeNumber('samples', options.samples, method === 'morris' ? 2 : 1, 1_000_000);
  wholeNumber('replications', options.replications, 1, 10_000);
  wholeNumber('seed', options.seed, 0);
  wholeNumber('workers', options.execution.workers, 1, 1024);
  nonEmptyText('out', options.out);
  if (options.metrics.length === 0) throw new OptionError('metrics', options.metrics, 'one or more metric names of summary.json');
  const known: readonly string[] = metricNames();
  for (const metric of options.metrics) {
    if (!known.includes(metric)) throw new OptionError('metrics', metric, `a metric of summary.json (${known.join(', ')})`);
  }
  const ranges = parseParamRanges(options.params, '--param');
  const loaded = loadScenario(options.scenario, options.sets);
  checkParamPaths(loaded.scenario, ranges, options.params);
  const plan = planSensitivity(loaded, {
    method, ranges, samples: options.samples, replications: options.replications, seed: options.seed, metrics: [...options.metrics],
  });
  const results = await executeScenarioPlan(plan, options.out, options.execution, replicationTaskModule());
  if (results === null) return { complete: false, outcome: null, reportPath: null };
  const planOptions = plan.options as SensitivityPlanOptions;
  const outcome = finalizeSensitivity(planOptions, results, options.out);
  const reportFiles = await writeReportFiles(options.out, sensitivityReport(planOptions, outcome, options.command), options.report);
  outcome.files.push(...reportFiles);
  const reportPath = options.report ? reportFiles[1]! : null;
  removeWork(options.out);
  return { complete: true, outcome, reportPath };
}

// `thuiszit sensitivity`: which parameters move a figure, by one-at-a-time swings, Morris
// elementary effects or Sobol indices, on the worker pool or as cluster shards.
import { loadScenario } from '../../scenarios/load.js';
import { listParams } from '../../scenarios/params.js';
import type { ReportInput } from '../report/report-input.js';
import { writeReportFiles } from './report-files.js';
import { parseParamRanges, parseSensitivityParam } from '../sensitivity/parameters.js';
import { finalizeSensitivity, type SensitivityOutcome } from '../sensitivity-runs/finalize.js';
import { planSensitivity, SENSITIVITY_METHODS, type SensitivityMethod, type SensitivityPlanOptions } from '../sensitivity-runs/plan.js';
import { checkParamPaths } from '../sensitivity-runs/param-paths.js';
import { scenarioEntry } from '../report/scenario-entry.js';
import { thuiszitVersion } from '../version.js';
import { metricList, OptionError, outputFolder, RANGES, wholeNumber, workItems } from './option-checks.js';
import { executeScenarioPlan, removeWork, replicationTaskModule, withOutputFolder, type ExecutionOptions } from './scenario-execution.js';

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

/** Points a design has, known before it is drawn: OAT the base and two per parameter, Morris k+1 per trajectory, Sobol k+2 per base sample. */
function designSize(method: SensitivityMethod, parameters: number, samples: number): number {
  if (method === 'oat') return 1 + 2 * parameters;
  return samples * (parameters + (method === 'morris' ? 1 : 2));
}

export async function sensitivityCommand(options: SensitivityOptions): Promise<SensitivityResult> {
  if (!(SENSITIVITY_METHODS as readonly string[]).includes(options.method)) {
    throw new OptionError('method', options.method, `one of ${SENSITIVITY_METHODS.join(', ')}`);
  }
  const method = options.method as SensitivityMethod;
  wholeNumber('samples', options.samples, method === 'morris' ? 2 : RANGES.samples[0], RANGES.samples[1]);
  wholeNumber('replications', options.replications, ...RANGES.sensitivityReplications);
  wholeNumber('seed', options.seed, 0);
  wholeNumber('workers', options.execution.workers, ...RANGES.workers);
  outputFolder('out', options.out);
  metricList('metrics', options.metrics);
  const ranges = parseParamRanges(options.params, '--param', parseSensitivityParam);
  const points = designSize(method, ranges.length, options.samples);
  workItems('samples', options.samples, points * options.replications, `${points} design points x ${options.replications} replications`);
  const loaded = loadScenario(options.scenario, options.sets);
  checkParamPaths(loaded.scenario, ranges, options.params);
  const plan = planSensitivity(loaded, {
    method, ranges, samples: options.samples, replications: options.replications, seed: options.seed, metrics: [...options.metrics],
  });
  return withOutputFolder(options.out, options.command, options.execution.shard !== null, async (session) => {
    const results = await executeScenarioPlan(plan, options.out, options.execution, replicationTaskModule());
    if (results === null) return { complete: false, outcome: null, reportPath: null };
    session.beginOutputs();
    const planOptions = plan.options as SensitivityPlanOptions;
    const outcome = finalizeSensitivity(planOptions, results, options.out);
    const reportFiles = await writeReportFiles(options.out, sensitivityReport(planOptions, outcome, options.command), options.report);
    outcome.files.push(...reportFiles);
    session.commit(outcome.files);
    const reportPath = options.report ? reportFiles[1]! : null;
    removeWork(options.out);
    return { complete: true, outcome, reportPath };
  });
}

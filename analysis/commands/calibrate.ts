// `thuiszit calibrate`: fit parameters to a region's aggregate figures by bounded Nelder-Mead on
// common random numbers, with standard errors from the objective's curvature at the optimum.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadScenario } from '../../scenarios/load.js';
import { getParam, listParams } from '../../scenarios/params.js';
import { evaluateObjective, type FitRow } from '../calibration/objective.js';
import { parseObservations } from '../calibration/data.js';
import { minimiseNelderMead, type NelderMeadResult } from '../calibration/nelder-mead.js';
import { analyseHessian, designHessian, type HessianResult } from '../calibration/uncertainty.js';
import { createSimulator } from '../calibration-runs/simulate.js';
import { fittedScenarioYaml } from '../calibration-runs/fitted-scenario.js';
import { metricNames } from '../../sim/model/metric-vocabulary.js';
import { csvTable } from '../output/csv.js';
import { stableJson } from '../output/json.js';
import { writeFiles } from '../output/write-files.js';
import { writeReportFiles } from './report-files.js';
import { parseParamRanges, type ParamPoint } from '../sensitivity/parameters.js';
import { checkParamPaths } from '../sensitivity-runs/param-paths.js';
import { scenarioEntry } from '../report/scenario-entry.js';
import { thuiszitVersion } from '../version.js';
import { nonEmptyText, OptionError, wholeNumber } from './option-checks.js';
import { replicationTaskModule } from './scenario-execution.js';
import { openExecutor } from '../execution/pool.js';

export interface CalibrateOptions {
  scenario: string;
  sets: readonly string[];
  data: string;
  params: readonly string[];
  replications: number;
  seed: number;
  maxEvaluations: number;
  out: string;
  workers: number;
  command: string;
}

export interface CalibrateResult {
  fitted: HessianResult['parameters'];
  objective: number;
  evaluations: number;
  runs: number;
  fit: FitRow[];
  files: string[];
}

export async function calibrateCommand(options: CalibrateOptions): Promise<CalibrateResult> {
  wholeNumber('replications', options.replications, 2, 10_000);
  wholeNumber('seed', options.seed, 0);
  wholeNumber('max-evaluations', options.maxEvaluations, 5, 100_000);
  wholeNumber('workers', options.workers, 1, 1024);
  nonEmptyText('out', options.out);
  if (!existsSync(options.data)) throw new OptionError('data', options.data, 'an existing CSV file with columns measure,period,value[,sd]');
  const ranges = parseParamRanges(options.params, '--param');
  const loaded = loadScenario(options.scenario, options.sets);
  const observations = parseObservations(readFileSync(options.data, 'utf8'), metricNames(), path.basename(options.data));
  const measures = [...new Set(observations.map((o) => o.measure))];
  checkParamPaths(loaded.scenario, ranges, options.params);
  // Made before the fit, which may take minutes: an unwritable folder should fail now, not after.
  mkdirSync(options.out, { recursive: true });

  const executor = openExecutor({ workers: options.workers, taskModule: replicationTaskModule() });
  let fit: NelderMeadResult;
  let uncertainty: HessianResult;
  let fitRows: FitRow[];
  let runs: number;
  try {
    const simulate = createSimulator(loaded.scenario, { seed: options.seed, replications: options.replications, executor, measures });
    const objective = async (point: Readonly<ParamPoint>) => evaluateObjective(observations, await simulate(point)).value;
    const start = Object.fromEntries(ranges.map((r) => [r.path, Math.min(r.high, Math.max(r.low, getParam(loaded.scenario, r.path)))]));
    fit = await minimiseNelderMead(objective, ranges, { start, maxEvaluations: options.maxEvaluations });
    const design = designHessian(ranges, fit.point);
    // The stencil's points are independent: the pool runs them side by side.
    uncertainty = analyseHessian(design, await Promise.all(design.points.map(objective)));
    fitRows = evaluateObjective(observations, await simulate(fit.point)).rows;
    runs = simulate.runs;
  } finally {
    await executor.close();
  }

  const name = `${loaded.name}-calibrated`;
  const fitted = Object.fromEntries(uncertainty.parameters.map((p) => [p.path, p.estimate]));
  const builtin = !/[\\/]|\.(ya?ml|json)$/i.test(options.scenario);
  const files = new Map<string, string>([
    ['calibration.json', stableJson({
      scenario: loaded.name, scenario_sha256: loaded.sha256, data: path.basename(options.data), seed: options.seed,
      replications: options.replications, method: 'bounded Nelder-Mead on common random numbers; se from 2 H^-1',
      objective: fit.value, evaluations: fit.evaluations, converged: fit.converged,
      fitted: uncertainty.parameters, warnings: uncertainty.warnings,
    })],
    ['fit.csv', csvTable(
      ['measure', 'period', 'observed', 'simulated_mean', 'ci95_low', 'ci95_high', 'contribution'],
      fitRows.map((r) => [r.measure, r.period, r.observed, r.simulated_mean, r.ci95_low, r.ci95_high, r.contribution]),
    )],
    ['history.csv', csvTable(
      ['evaluation', ...ranges.map((r) => r.path), 'objective'],
      fit.history.map((h) => [h.evaluation, ...ranges.map((r) => h.point[r.path] ?? null), h.value]),
    )],
    [`${name}.yaml`, fittedScenarioYaml(
      { ref: options.scenario, sourcePath: loaded.sourcePath, builtin }, options.out, name, options.sets, fitted,
      `Calibrated by: ${options.command}\nthuiszit ${thuiszitVersion()}; objective ${fit.value.toPrecision(4)} after ${fit.evaluations} evaluations`,
    )],
  ]);
  const written = writeFiles(options.out, files);
  written.push(
    ...(await writeReportFiles(options.out, {
      title: `thuiszit calibration: ${loaded.name} to ${path.basename(options.data)}`,
      version: thuiszitVersion(), seed: options.seed, replications: options.replications, command: options.command,
      scenarios: [scenarioEntry({ ...loaded, description: loaded.scenario.description })],
      parameters: listParams(loaded.scenario),
      calibration: {
        fitted: uncertainty.parameters.map((p) => ({ path: p.path, value: p.estimate, ci95_low: p.ci95_low, ci95_high: p.ci95_high })),
        fit: fitRows.map((r) => ({ measure: r.measure, period: r.period, observed: r.observed, simulated_mean: r.simulated_mean, ci95_low: r.ci95_low, ci95_high: r.ci95_high })),
      },
    }, true)),
  );
  return { fitted: uncertainty.parameters, objective: fit.value, evaluations: fit.evaluations, runs, fit: fitRows, files: written };
}

// `thuiszit calibrate`: fit parameters to a region's aggregate figures by bounded Nelder-Mead on
// common random numbers, with standard errors from the objective's curvature at the optimum.
import { existsSync } from 'node:fs';
import { readRegularFile } from '../../scenarios/files.js';
import path from 'node:path';
import { loadScenario } from '../../scenarios/load.js';
import { getParam, listParams } from '../../scenarios/params.js';
import { evaluateObjective, type FitRow } from '../calibration/objective.js';
import { MAX_OBSERVATION_FILE_BYTES, parseObservations, type Observation } from '../calibration/data.js';
import { planPeriods, seriesList, seriesOf } from '../calibration/periods.js';
import { fittedStartSets, periodRunScenario, periodsJson, refuseDecidedSets, startNote } from '../calibration-runs/period-run.js';
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
import { OptionError, outputFolder, RANGES, wholeNumber } from './option-checks.js';
import { replicationTaskModule, withOutputFolder, type ExecutionOptions } from './scenario-execution.js';
import { removeWorkStore, workStore } from '../execution/output-folder.js';
import { EvaluationStore } from '../calibration-runs/evaluation-store.js';
import { createProgress } from '../execution/progress.js';
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
  /** The same execution options as every command that runs work; a shard is refused (see below). */
  execution: ExecutionOptions;
  command: string;
}

/**
 * Why calibrate takes no --shard: Nelder-Mead is sequential (each point it tries depends on the values
 * at the points before), so there is no fixed list of work to split between cluster tasks, and
 * splitting each evaluation's replications would need the tasks to wait for each other at every one
 * of the ~60 steps. One task with --workers spreads each evaluation's replications over its cores.
 */
export const CALIBRATE_SHARD_REFUSAL =
  'no --shard: a calibration is sequential (each Nelder-Mead step needs the values of the steps before), so it runs as one task; use --workers to spread each evaluation over cores';

export interface CalibrateResult {
  fitted: HessianResult['parameters'];
  objective: number;
  evaluations: number;
  runs: number;
  fit: FitRow[];
  files: string[];
}

export async function calibrateCommand(options: CalibrateOptions): Promise<CalibrateResult> {
  wholeNumber('replications', options.replications, ...RANGES.calibrateReplications);
  wholeNumber('seed', options.seed, 0);
  wholeNumber('max-evaluations', options.maxEvaluations, ...RANGES.maxEvaluations);
  wholeNumber('workers', options.execution.workers, ...RANGES.workers);
  if (options.execution.shard !== null) {
    const { index, count } = options.execution.shard;
    throw new OptionError('shard', `${index}/${count}`, CALIBRATE_SHARD_REFUSAL);
  }
  outputFolder('out', options.out);
  if (!existsSync(options.data)) throw new OptionError('data', options.data, 'an existing CSV file with columns measure,period,value[,sd]');
  const dataText = readRegularFile(options.data, MAX_OBSERVATION_FILE_BYTES, (expected, got) => {
    throw new OptionError('data', options.data, `a CSV file with columns measure,period,value[,sd]: ${expected}; this is ${got}`);
  });
  const ranges = parseParamRanges(options.params, '--param');
  const observations = parseObservations(dataText, metricNames(), path.basename(options.data));
  const plan = planPeriods(observations, path.basename(options.data));
  refuseDecidedSets(plan, options.sets);
  const loaded = periodRunScenario(loadScenario(options.scenario, options.sets), plan);
  const series = seriesList(observations, plan);
  const objectiveOptions = { seriesKey: (o: Observation) => seriesOf(o, plan).key };
  checkParamPaths(loaded.scenario, ranges, options.params);
  // Opened (made, locked) before the fit, which may take minutes: an unwritable or busy folder
  // should fail now, not after.
  return withOutputFolder(options.out, options.command, false, async (session) => {
    const executor = openExecutor({ workers: options.execution.workers, taskModule: replicationTaskModule() });
    const start = Object.fromEntries(ranges.map((r) => [r.path, Math.min(r.high, Math.max(r.low, getParam(loaded.scenario, r.path)))]));
    // Each evaluation is stored as it finishes, so a stopped fit resumes (--resume) where it was.
    const store = new EvaluationStore(path.join(workStore(options.out, true)!, 'calibration'), {
      scenarioSha256: loaded.sha256, seed: options.seed, replications: options.replications, series: series.map((s) => s.key),
    });
    // At most: the fit's evaluations, the curvature stencil, and the final fit table.
    const progress = createProgress(options.maxEvaluations + designHessian(ranges, start).points.length + 1, 'calibrate', { quiet: options.execution.quiet });
    let evaluated = 0;
    let fit: NelderMeadResult;
    let uncertainty: HessianResult;
    let fitRows: FitRow[];
    let runs: number;
    try {
      const simulate = createSimulator(loaded.scenario, { seed: options.seed, replications: options.replications, executor, series });
      const evaluate = async (point: Readonly<ParamPoint>) => {
        let values = options.execution.resume ? store.read(point) : undefined;
        if (values === undefined) {
          values = await simulate(point);
          store.write(point, values);
        }
        progress.tick(++evaluated);
        return values;
      };
      const objective = async (point: Readonly<ParamPoint>) => evaluateObjective(observations, await evaluate(point), objectiveOptions).value;
      fit = await minimiseNelderMead(objective, ranges, { start, maxEvaluations: options.maxEvaluations });
      const design = designHessian(ranges, fit.point);
      // The stencil's points are independent: the pool runs them side by side.
      uncertainty = analyseHessian(design, await Promise.all(design.points.map(objective)));
      fitRows = evaluateObjective(observations, await evaluate(fit.point), objectiveOptions).rows;
      runs = simulate.runs;
    } finally {
      progress.stop();
      await executor.close();
    }

    const name = `${loaded.name}-calibrated`;
    const fitted = Object.fromEntries(uncertainty.parameters.map((p) => [p.path, p.estimate]));
    const builtin = !/[\\/]|\.(ya?ml|json)$/i.test(options.scenario);
    const files = new Map<string, string>([
      ['calibration.json', stableJson({
        scenario: loaded.name, scenario_sha256: loaded.sha256, data: path.basename(options.data), seed: options.seed,
        replications: options.replications, method: 'bounded Nelder-Mead on common random numbers; se from 2 H^-1',
        periods: periodsJson(plan),
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
        { ref: options.scenario, sourcePath: loaded.sourcePath, builtin }, options.out, name, [...options.sets, ...fittedStartSets(plan)], fitted,
        `Calibrated by: ${options.command}\nthuiszit ${thuiszitVersion()}; objective ${fit.value.toPrecision(4)} after ${fit.evaluations} evaluations${startNote(plan)}`,
      )],
    ]);
    session.beginOutputs();
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
    session.commit(written);
    // The stored evaluations have served their purpose once the outputs are complete.
    removeWorkStore(options.out);
    return { fitted: uncertainty.parameters, objective: fit.value, evaluations: fit.evaluations, runs, fit: fitRows, files: written };
  });
}

// `thuiszit merge DIR... --out OUT`: gathers the results the shards of one plan stored and writes
// them through the same code a single run uses, so the outputs are byte for byte the same.
import { performance } from 'node:perf_hooks';
import { mergeStores } from '../execution/merge.js';
import { writeReportFiles } from './report-files.js';
import type { WorkPlan } from '../execution/work-item.js';
import { checkReplicationPlan, type ReplicationShared, type ReplicationTaskInput } from '../scenario-runs/plan.js';
import { finalizeScenarioPlan } from './finalize-scenarios.js';
import { checkReplicationResults } from '../scenario-runs/check-results.js';
import { OptionError, outputFolder } from './option-checks.js';
import { reportInput } from './report-from-scenarios.js';
import { storeDirOf, withOutputFolder } from './scenario-execution.js';
import { sensitivityReport } from './sensitivity.js';
import { finalizeSensitivity } from '../sensitivity-runs/finalize.js';
import type { SensitivityPlanOptions } from '../sensitivity-runs/plan.js';
import { decompositionReport } from './decompose.js';
import { finalizeDecomposition } from '../decomposition/finalize.js';
import type { DecompositionPlanOptions } from '../decomposition/plan.js';

export interface MergeOptions {
  dirs: readonly string[];
  out: string;
  report: boolean;
  command: string;
}

export async function mergeCommand(options: MergeOptions): Promise<string[]> {
  const started = performance.now();
  outputFolder('out', options.out);
  if (options.dirs.length === 0) throw new OptionError('dirs', options.dirs, 'one or more result folders of shards');
  const storeDirs = options.dirs.map(storeDirOf);
  const merged = mergeStores(storeDirs, (plan, file) => {
    if (plan.kind !== 'run' && plan.kind !== 'compare' && plan.kind !== 'sensitivity' && plan.kind !== 'decompose') {
      throw new OptionError('dirs', options.dirs, `results of a run, compare, sensitivity or decompose plan (these are of a '${plan.kind}' plan)`);
    }
    checkReplicationPlan(plan, file);
  });
  const plan = merged.plan;
  const scenarioPlan = plan as WorkPlan<ReplicationTaskInput>;
  const results = checkReplicationResults(scenarioPlan, scenarioPlan.items.map((item) => merged.results.get(item.id)), `merge of ${storeDirs.join(', ')}`);
  return withOutputFolder(options.out, options.command, false, async (session) => {
    session.beginOutputs();
    let files: string[];
    if (plan.kind === 'sensitivity') {
      const planOptions = plan.options as SensitivityPlanOptions;
      const outcome = finalizeSensitivity(planOptions, results, options.out);
      const input = sensitivityReport(planOptions, outcome, options.command);
      files = [...outcome.files, ...(await writeReportFiles(options.out, input, options.report))];
    } else if (plan.kind === 'decompose') {
      const planOptions = plan.options as DecompositionPlanOptions;
      const outcome = finalizeDecomposition(planOptions, results, options.out);
      const input = decompositionReport(planOptions, results, outcome, options.command);
      files = [...outcome.files, ...(await writeReportFiles(options.out, input, options.report))];
    } else {
      const finalized = finalizeScenarioPlan(scenarioPlan, results, {
        out: options.out,
        storeDirs,
        command: options.command,
        wallSeconds: (performance.now() - started) / 1000,
      });
      const settings = plan.options as { seed: number; replications: number };
      const scenarios = (scenarioPlan.shared as ReplicationShared).scenarios;
      const input = reportInput(finalized.compared, scenarios[0]!, { seed: settings.seed, replications: settings.replications, command: options.command }, { scenarios, goals: finalized.goals });
      files = [...finalized.files, ...(await writeReportFiles(options.out, input, options.report))];
    }
    session.commit(files);
    return files;
  });
}

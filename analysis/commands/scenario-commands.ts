// `thuiszit run` and `thuiszit compare`: load and check everything first (so a bad scenario or
// option touches no file), plan one work item per scenario and replication, execute, write.
import { performance } from 'node:perf_hooks';
import { loadScenario, type LoadedScenario } from '../../scenarios/load.js';
import { planScenarioRuns } from '../scenario-runs/plan.js';
import type { ComparedScenario } from '../scenario-runs/compare-outputs.js';
import { finalizeScenarioPlan } from './finalize-scenarios.js';
import { OptionError, outputFolder, RANGES, wholeNumber, workItems } from './option-checks.js';
import { reportInput } from './report-from-scenarios.js';
import { writeReportFiles } from './report-files.js';
import { executeScenarioPlan, removeWork, replicationTaskModule, withOutputFolder, type ExecutionOptions } from './scenario-execution.js';
import { workStore } from '../execution/output-folder.js';

export interface ScenarioCommandOptions {
  scenarios: readonly string[];
  sets: readonly string[];
  /** `--goal` texts, checked with the national goal and the scenarios' own (analysis/goals/resolve.ts). */
  goals: readonly string[];
  replications: number;
  seed: number;
  out: string;
  episodes: boolean;
  report: boolean;
  execution: ExecutionOptions;
  /** The command line, for the manifest and the report. */
  command: string;
}

export interface ScenarioCommandResult {
  /** False for a shard: its results wait in `<out>/.thuiszit-work` for `thuiszit merge`. */
  complete: boolean;
  files: string[];
  compared: ComparedScenario[] | null;
  reportPath: string | null;
}

function checkScenarioOptions(kind: 'run' | 'compare', options: ScenarioCommandOptions): LoadedScenario[] {
  wholeNumber('replications', options.replications, ...RANGES.replications);
  wholeNumber('seed', options.seed, 0);
  wholeNumber('workers', options.execution.workers, ...RANGES.workers);
  outputFolder('out', options.out);
  if (kind === 'run' && options.scenarios.length !== 1) {
    throw new OptionError('scenario', options.scenarios, 'exactly one scenario name or file');
  }
  if (kind === 'compare' && options.scenarios.length < 1) {
    throw new OptionError('scenarios', options.scenarios, 'one or more scenario names or files');
  }
  workItems('replications', options.replications, options.scenarios.length * options.replications, `${options.scenarios.length} scenario(s) x ${options.replications} replications`);
  const loaded = options.scenarios.map((ref) => loadScenario(ref, options.sets));
  const names = loaded.map((l) => l.name);
  const repeated = names.find((name, i) => names.indexOf(name) !== i);
  if (repeated !== undefined) throw new OptionError('scenarios', options.scenarios, `each scenario once (${repeated} appears twice)`);
  return loaded;
}

export async function runScenarioCommand(kind: 'run' | 'compare', options: ScenarioCommandOptions): Promise<ScenarioCommandResult> {
  const started = performance.now();
  const loaded = checkScenarioOptions(kind, options);
  const plan = planScenarioRuns(kind, loaded, {
    seed: options.seed,
    replications: options.replications,
    episodes: options.episodes,
    goals: options.goals,
  });
  return withOutputFolder(options.out, options.command, options.execution.shard !== null, async (session) => {
    const results = await executeScenarioPlan(plan, options.out, options.execution, replicationTaskModule());
    if (results === null) return { complete: false, files: [], compared: null, reportPath: null };
    session.beginOutputs();
    const finalized = finalizeScenarioPlan(plan, results, {
      out: options.out,
      storeDirs: [workStore(options.out, false)!],
      command: options.command,
      wallSeconds: (performance.now() - started) / 1000,
    });
    const input = reportInput(finalized.compared, loaded[0]!.scenario, { seed: options.seed, replications: options.replications, command: options.command }, { scenarios: loaded.map((l) => l.scenario), goals: finalized.goals });
    const reportFiles = await writeReportFiles(options.out, input, options.report);
    finalized.files.push(...reportFiles);
    session.commit(finalized.files);
    const reportPath = options.report ? reportFiles[1]! : null;
    removeWork(options.out);
    return { complete: true, files: finalized.files, compared: finalized.compared, reportPath };
  });
}

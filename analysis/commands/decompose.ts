// `thuiszit decompose`: which of a package's changes carry its effect. Every coalition of the
// package's components runs on the same replication seeds; Shapley values split the effect among
// the components, and what they do only together shows as interaction.
import { loadScenario } from '../../scenarios/load.js';
import { changedLeaves, groupComponents, parseComponentGroup } from '../decomposition/components.js';
import { finalizeDecomposition, type DecompositionOutcome } from '../decomposition/finalize.js';
import { planDecomposition, type DecompositionPlanOptions } from '../decomposition/plan.js';
import { EXACT_MAX_COMPONENTS } from '../decomposition/design.js';
import type { ReplicationOutput } from '../../sim/model/replication.js';
import type { ReportInput } from '../report/report-input.js';
import { HEADLINE_METRICS } from '../../sim/model/metric-vocabulary.js';
import { compareScenarios } from '../scenario-runs/compare-outputs.js';
import { metricList, OptionError, outputFolder, RANGES, wholeNumber, workItems } from './option-checks.js';
import { reportInput } from './report-from-scenarios.js';
import { writeReportFiles } from './report-files.js';
import { executeScenarioPlan, removeWork, replicationTaskModule, withOutputFolder, type ExecutionOptions } from './scenario-execution.js';

export const DEFAULT_DECOMPOSITION_METRICS: readonly string[] = HEADLINE_METRICS;

export interface DecomposeOptions {
  scenario: string;
  reference: string;
  sets: readonly string[];
  components: readonly string[];
  orders: number;
  replications: number;
  seed: number;
  metrics: readonly string[];
  out: string;
  report: boolean;
  execution: ExecutionOptions;
  command: string;
}

export interface DecomposeResult {
  complete: boolean;
  outcome: DecompositionOutcome | null;
  /** Component names in the order of the outcome's rows. */
  components: string[];
  reportPath: string | null;
}

/** The reference and the package as a two-scenario comparison, plus the decomposition. */
export function decompositionReport(options: DecompositionPlanOptions, results: readonly ReplicationOutput[], outcome: DecompositionOutcome, command: string): ReportInput {
  const fullIndex = options.coalitions.indexOf('1'.repeat(options.components.length));
  const block = (c: number) => results.slice(c * options.replications, (c + 1) * options.replications);
  // The decomposition's report shows the all-years figures only: no per-year summaries, no goals.
  const compared = compareScenarios(
    { scenarios: [{ ...options.reference, years: [] }, { ...options.package, years: [] }], seed: options.seed, replications: options.replications, episodes: false, goals: [] },
    [...block(0), ...block(fullIndex)],
  );
  return {
    ...reportInput(compared, options.base, { seed: options.seed, replications: options.replications, command, title: `thuiszit decompose: ${options.package.name} against ${options.reference.name}` }),
    decomposition: {
      package: options.package.name,
      reference: options.reference.name,
      method: options.method,
      components: options.components.map((c) => ({ name: c.name, paths: c.changes.map((change) => change.path) })),
      metrics: outcome.metrics,
    },
  };
}

export async function decomposeCommand(options: DecomposeOptions): Promise<DecomposeResult> {
  wholeNumber('replications', options.replications, ...RANGES.sensitivityReplications);
  wholeNumber('orders', options.orders, 2, 100_000);
  wholeNumber('seed', options.seed, 0);
  wholeNumber('workers', options.execution.workers, ...RANGES.workers);
  outputFolder('out', options.out);
  metricList('metrics', options.metrics);
  const groups = options.components.map(parseComponentGroup);
  const reference = loadScenario(options.reference, options.sets);
  const pkg = loadScenario(options.scenario, options.sets);
  const changes = changedLeaves(reference.scenario, pkg.scenario);
  if (changes.length === 0) {
    throw new OptionError('scenario', options.scenario, `a package that differs from the reference ${reference.name} (it changes nothing the model reads)`);
  }
  const components = groupComponents(changes, groups);
  const k = components.length;
  const coalitions = k <= EXACT_MAX_COMPONENTS ? 2 ** k : 2 * k + 2 + 2 * options.orders * (k - 1);
  workItems('replications', options.replications, coalitions * options.replications, `up to ${coalitions} coalitions x ${options.replications} replications`);
  const plan = planDecomposition(reference, pkg, components, {
    orders: options.orders, replications: options.replications, seed: options.seed, metrics: [...options.metrics],
  });
  const names = components.map((c) => c.name);
  return withOutputFolder(options.out, options.command, options.execution.shard !== null, async (session) => {
    const results = await executeScenarioPlan(plan, options.out, options.execution, replicationTaskModule());
    if (results === null) return { complete: false, outcome: null, components: names, reportPath: null };
    session.beginOutputs();
    const planOptions = plan.options as DecompositionPlanOptions;
    const outcome = finalizeDecomposition(planOptions, results, options.out);
    const reportFiles = await writeReportFiles(options.out, decompositionReport(planOptions, results, outcome, options.command), options.report);
    outcome.files.push(...reportFiles);
    session.commit(outcome.files);
    removeWork(options.out);
    return { complete: true, outcome, components: names, reportPath: options.report ? reportFiles[1]! : null };
  });
}

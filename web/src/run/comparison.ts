// From the page's scenarios to the command line's outputs: the same plan of work items and seeds as
// `thuiszit run` / `thuiszit compare`, executed in the browser, then the same aggregation and files.
import type { WorkPlan } from '../../../analysis/execution/work-item.js';
import { buildReport } from '../../../analysis/report/html.js';
import type { ReportInput } from '../../../analysis/report/report-input.js';
import { scenarioReportInput } from '../../../analysis/report/scenario-report-input.js';
import { evaluatePlanGoals } from '../../../analysis/goals/evaluate.js';
import { compareOutputs, compareScenarios, type ComparedScenario } from '../../../analysis/scenario-runs/compare-outputs.js';
import { planScenarioRuns, type ReplicationTaskInput, type ScenarioRunOptions } from '../../../analysis/scenario-runs/plan.js';
import { runOutputs } from '../../../analysis/scenario-runs/run-outputs.js';
import type { LoadedScenario } from '../../../scenarios/load.js';
import type { ReplicationOutput } from '../../../sim/model/replication.js';
import type { ScenarioChoice } from '../state/url-state.js';

export interface Outputs {
  /** The reference scenario's summary.json, as `thuiszit run` writes it. */
  summaryJson: string;
  /** comparison.json and comparison.csv as `thuiszit compare` writes them; null for a single scenario. */
  comparisonJson: string | null;
  comparisonCsv: string | null;
  compared: ComparedScenario[];
  report: ReportInput;
}

export function distinctNames(loaded: readonly LoadedScenario[]): string | null {
  const names = loaded.map((l) => l.name);
  return names.find((name, i) => names.indexOf(name) !== i) ?? null;
}

export function planFor(loaded: readonly LoadedScenario[], settings: { seed: number; replications: number }): WorkPlan<ReplicationTaskInput> {
  return planScenarioRuns(loaded.length === 1 ? 'run' : 'compare', loaded, { ...settings, episodes: false });
}

/**
 * The command the same figures come from, for the report's footer. The command line applies --set to
 * every scenario, so a comparison whose scenarios carry their own changes is cited by its page link.
 */
export function equivalentCommand(choices: readonly ScenarioChoice[], settings: { seed: number; replications: number }, pageQuery: string): string {
  const expressible = choices.every((c) => c.ref !== '') && (choices.length === 1 || choices.every((c) => c.sets.length === 0));
  if (!expressible) return `thuiszit web app ${pageQuery}`;
  const quote = (text: string): string => (/^[\w.,:=/+-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`);
  const names = choices.map((c) => quote(c.ref)).join(' ');
  const sets = choices.flatMap((c) => c.sets.map((s) => ` --set ${quote(s)}`)).join('');
  const verb = choices.length === 1 ? `run --scenario ${names}` : `compare --scenarios ${names}`;
  return `thuiszit ${verb}${sets} --replications ${settings.replications} --seed ${settings.seed}`;
}

export function outputsOf(
  plan: WorkPlan<ReplicationTaskInput>,
  loaded: readonly LoadedScenario[],
  results: readonly ReplicationOutput[],
  settings: { seed: number; replications: number; command: string; version: string },
): Outputs {
  const options = plan.options as ScenarioRunOptions;
  const compared = compareScenarios(options, results);
  const reference = compared[0]!;
  const summaryJson = runOutputs(options, results.slice(0, options.replications), reference.aggregate).get('summary.json')!;
  const comparison = loaded.length > 1 ? compareOutputs(options, compared) : null;
  return {
    summaryJson,
    comparisonJson: comparison?.get('comparison.json') ?? null,
    comparisonCsv: comparison?.get('comparison.csv') ?? null,
    compared,
    report: scenarioReportInput(compared, loaded[0]!.scenario, settings, { scenarios: loaded.map((l) => l.scenario), goals: evaluatePlanGoals(options, results) }),
  };
}

export async function reportHtml(input: ReportInput): Promise<string> {
  return (await buildReport(input)).html;
}

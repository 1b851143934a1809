// Running scenarios is planned as one work item per (scenario, replication). Every scenario gets
// the same replication seeds, so scenarios compared in one plan share their random numbers. Each
// resolved scenario is held once, in the plan's shared part; an item is two indexes into it.
import { z } from 'zod';
import type { LoadedScenario } from '../../scenarios/load.js';
import { schoolYearLabels } from '../../scenarios/calendar.js';
import type { Scenario } from '../../scenarios/schema.js';
import { resolveGoals, storedGoalSchema, type Goal } from '../goals/resolve.js';
import { createPlan, type WorkPlan } from '../execution/work-item.js';
import { zodProblems } from '../output/zod-problems.js';

export interface ReplicationTaskInput {
  /** Index into the plan's shared scenarios. */
  scenario: number;
  replication: number;
}

/** What every replication of a plan shares: sent once to each worker. */
export interface ReplicationShared {
  scenarios: Scenario[];
  seed: number;
  /** Write each replication's episode rows to the store (run and compare with --episodes). */
  episodes: boolean;
  /** Keep only the metrics (sensitivity and calibration need no weekly series). */
  metricsOnly: boolean;
}

export interface PlannedScenario {
  name: string;
  description: string;
  sha256: string;
  stated: unknown;
  /** The measured school years, in order ('2025/26', ...): the labels of every per-year figure. */
  years: string[];
}

export interface ScenarioRunOptions {
  scenarios: PlannedScenario[];
  seed: number;
  replications: number;
  episodes: boolean;
  /** The goals goal.json checks, resolved against the run's years (analysis/goals/resolve.ts). */
  goals: Goal[];
}

export function replicationItemId(scenarioIndex: number, replication: number): string {
  return `s${String(scenarioIndex).padStart(2, '0')}-r${String(replication).padStart(5, '0')}`;
}

/**
 * The store file, relative to the store, that holds one replication's episode rows. Made from the
 * two indexes (whole numbers), never from text in a plan, so a tampered plan cannot name a file.
 */
export function episodePartFile(input: ReplicationTaskInput): string {
  return `episodes/${replicationItemId(input.scenario, input.replication)}.csv`;
}

export function replicationShared(scenarios: Scenario[], settings: { seed: number; episodes: boolean; metricsOnly: boolean }): ReplicationShared {
  return { scenarios, seed: settings.seed, episodes: settings.episodes, metricsOnly: settings.metricsOnly };
}

/** The scenario's measured school years ('2025/26', ...), counted from its start. */
export function scenarioYears(scenario: Scenario): string[] {
  return schoolYearLabels(scenario.start, scenario.measuredYears);
}

/** `settings.goals`: the `--goal` texts (the web app gives none); the national goal and the scenarios' own are always added. */
export function planScenarioRuns(
  kind: 'run' | 'compare',
  loaded: readonly LoadedScenario[],
  settings: { seed: number; replications: number; episodes: boolean; goals?: readonly string[] },
): WorkPlan<ReplicationTaskInput> {
  const scenarios = loaded.map((l) => ({
    name: l.name,
    description: l.scenario.description,
    sha256: l.sha256,
    stated: l.stated,
    years: scenarioYears(l.scenario),
  }));
  const goals = resolveGoals({
    scenarios: loaded.map((l, i) => ({ name: l.name, goal: l.scenario.goal, years: scenarios[i]!.years })),
    options: settings.goals ?? [],
  });
  const options: ScenarioRunOptions = { scenarios, seed: settings.seed, replications: settings.replications, episodes: settings.episodes, goals };
  const items = loaded.flatMap((_, s) =>
    Array.from({ length: settings.replications }, (__, replication) => ({ id: replicationItemId(s, replication), input: { scenario: s, replication } })),
  );
  const shared = replicationShared(loaded.map((l) => l.scenario), { seed: settings.seed, episodes: settings.episodes, metricsOnly: false });
  return createPlan(kind, options, items, shared);
}

const itemInputSchema = z.strictObject({ scenario: z.number().int().min(0), replication: z.number().int().min(0) });
const sharedSchema = z.strictObject({
  scenarios: z.array(z.record(z.string(), z.unknown())).min(1),
  seed: z.number().int().min(0),
  episodes: z.boolean(),
  metricsOnly: z.boolean(),
});

const runOptionsSchema = z.object({
  scenarios: z.array(z.object({ name: z.string(), years: z.array(z.string().regex(/^\d{4}\/\d{2}$/, 'expected a school year such as 2025/26')) })),
  goals: z.array(storedGoalSchema),
});

/** The per-year labels and goals of a run or compare plan: one label per measured year, references among them. */
function checkRunOptions(plan: WorkPlan, scenarios: ReadonlyArray<Record<string, unknown>>, source: string): void {
  const parsed = runOptionsSchema.safeParse(plan.options);
  if (!parsed.success) throw new Error(`${source}: options ${zodProblems(parsed.error)}; expected the scenarios' school years and the resolved goals of a run`);
  const { scenarios: planned, goals } = parsed.data;
  planned.forEach((scenario, i) => {
    if (scenario.years.length !== scenarios[i]?.['measuredYears']) {
      throw new Error(`${source}: options.scenarios[${i}].years has ${scenario.years.length} labels; expected one per measured year of shared.scenarios[${i}]`);
    }
  });
  for (const [index, { target }] of goals.entries()) {
    if (target.kind === 'relative' && !planned.every((scenario) => scenario.years.includes(target.reference))) {
      throw new Error(`${source}: options.goals[${index}].target.reference is ${JSON.stringify(target.reference)}; expected a school year every scenario measures`);
    }
  }
}

/**
 * Checks a replication plan read back from disk (merge): every item is two in-range indexes and
 * nothing more, so no field of a tampered plan can reach a path or the model unchecked; a run's or a
 * comparison's school years and goals are checked too, since goal.json is made from them.
 */
export function checkReplicationPlan(plan: WorkPlan, source: string): WorkPlan<ReplicationTaskInput> {
  const shared = sharedSchema.safeParse(plan.shared);
  if (!shared.success) throw new Error(`${source}: shared ${zodProblems(shared.error)}; expected the scenarios, seed and flags of a replication plan`);
  for (const [index, item] of plan.items.entries()) {
    const input = itemInputSchema.safeParse(item.input);
    if (!input.success) throw new Error(`${source}: items[${index}].input ${zodProblems(input.error)}; expected { scenario, replication } indexes`);
    if (input.data.scenario >= shared.data.scenarios.length) {
      throw new Error(`${source}: items[${index}].input.scenario is ${input.data.scenario}; expected an index below ${shared.data.scenarios.length}`);
    }
  }
  if (plan.kind === 'run' || plan.kind === 'compare') checkRunOptions(plan, shared.data.scenarios, source);
  return plan as WorkPlan<ReplicationTaskInput>;
}

// From a complete set of replication results to the files in the output folder. Used by run and
// compare directly, and by merge on shard results: one code path, so merged outputs are the bytes a
// single run writes.
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { ReplicationOutput } from '../../sim/model/replication.js';
import type { WorkPlan } from '../execution/work-item.js';
import { evaluatePlanGoals, goalJson, type GoalOutcome } from '../goals/evaluate.js';
import { stableJson } from '../output/json.js';
import { writeFiles } from '../output/write-files.js';
import { compareOutputs, compareScenarios, type ComparedScenario } from '../scenario-runs/compare-outputs.js';
import { episodeHeader } from '../scenario-runs/episodes-csv.js';
import { episodePartFile, type ReplicationShared, type ReplicationTaskInput, type ScenarioRunOptions } from '../scenario-runs/plan.js';
import { runOutputs } from '../scenario-runs/run-outputs.js';
import { thuiszitVersion } from '../version.js';

export interface FinalizeContext {
  out: string;
  /** Folder holding the episode parts (the work store). */
  storeDirs: readonly string[];
  command: string;
  wallSeconds: number;
}

export interface Finalized {
  files: string[];
  compared: ComparedScenario[];
  /** goal.json's goals, for the report's goal table. */
  goals: GoalOutcome[];
}

/** Concatenates the per-replication episode files in plan order, into a file renamed into place whole. */
function writeEpisodes(plan: WorkPlan<ReplicationTaskInput>, context: FinalizeContext): string {
  const target = path.join(context.out, 'episodes.csv');
  const temporary = path.join(context.out, `.episodes.csv.thuiszit-${randomBytes(6).toString('hex')}.tmp`);
  mkdirSync(context.out, { recursive: true });
  const descriptor = openSync(temporary, 'wx');
  try {
    writeSync(descriptor, episodeHeader());
    for (const item of plan.items) {
      const part = episodePartFile(item.input);
      const source = context.storeDirs.map((dir) => path.join(dir, part)).find((file) => existsSync(file));
      if (source === undefined) throw new Error(`episode rows of work item '${item.id}' are missing (${part}); expected the run that stored its result to have written them`);
      writeSync(descriptor, readFileSync(source));
    }
    fsyncSync(descriptor);
  } catch (error) {
    closeSync(descriptor);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(descriptor);
  renameSync(temporary, target);
  return target;
}

function manifest(plan: WorkPlan<ReplicationTaskInput>, options: ScenarioRunOptions, context: FinalizeContext): string {
  const resolved = options.scenarios.map((s, i) => ({
    name: s.name,
    sha256: s.sha256,
    resolved: (plan.shared as ReplicationShared).scenarios[i] ?? null,
  }));
  return stableJson({
    tool: 'thuiszit',
    version: thuiszitVersion(),
    kind: plan.kind,
    plan_hash: plan.planHash,
    seed: options.seed,
    replications: options.replications,
    scenarios: resolved,
    command: context.command,
    node: process.version,
    timings: { wall_s: context.wallSeconds },
  });
}

export function finalizeScenarioPlan(
  plan: WorkPlan<ReplicationTaskInput>,
  results: readonly ReplicationOutput[],
  context: FinalizeContext,
): Finalized {
  const options = plan.options as ScenarioRunOptions;
  const compared = compareScenarios(options, results);
  const files = plan.kind === 'run' ? runOutputs(options, results, compared[0]!.aggregate) : compareOutputs(options, compared);
  const goals = evaluatePlanGoals(options, results);
  files.set('goal.json', goalJson(goals));
  files.set('manifest.json', manifest(plan, options, context));
  const written = writeFiles(context.out, files);
  if (options.episodes) written.push(writeEpisodes(plan, context));
  return { files: written, compared, goals };
}

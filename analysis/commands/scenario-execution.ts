// Shared by run and compare: execute a scenario plan into `<out>/work` (one file per finished
// replication, so a stopped run resumes and shards merge), then hand back the results in plan order.
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { ReplicationOutput } from '../../sim/model/replication.js';
import { compiledModulePath } from '../execution/compiled-path.js';
import { runPlan } from '../execution/run-plan.js';
import type { Shard } from '../execution/shard.js';
import type { WorkPlan } from '../execution/work-item.js';

export interface ExecutionOptions {
  workers: number;
  quiet: boolean;
  resume: boolean;
  shard: Shard | null;
}

const workDirName = 'work';

export function workDir(out: string): string {
  return path.join(out, workDirName);
}

/** The results store inside an output folder given to merge (or the store itself, if given directly). */
export function storeDirOf(dir: string): string {
  return existsSync(path.join(dir, workDirName, 'plan.json')) ? path.join(dir, workDirName) : dir;
}

export function replicationTaskModule(): string {
  return compiledModulePath(new URL('../tasks/replication-task.js', import.meta.url));
}

/**
 * Runs the plan. `<out>/work` exists only while a run is unfinished (a stop, or shards waiting for
 * merge), so work files of another plan there are someone's results in progress: the store refuses
 * to mix or delete them, and says so.
 */
export async function executeScenarioPlan<I>(
  plan: WorkPlan<I>,
  out: string,
  options: ExecutionOptions,
  taskModule: string,
): Promise<ReplicationOutput[] | null> {
  const storeDir = workDir(out);
  const outcome = await runPlan<I, ReplicationOutput>(plan, {
    workers: options.workers,
    taskModule,
    storeDir,
    resume: options.resume,
    quiet: options.quiet,
    ...(options.shard === null ? {} : { shard: options.shard }),
  });
  return outcome.results;
}

/** Once the outputs are written the work files have served their purpose. */
export function removeWork(out: string): void {
  rmSync(workDir(out), { recursive: true, force: true });
}

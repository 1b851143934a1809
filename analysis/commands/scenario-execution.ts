// Shared by run, compare and sensitivity: execute a plan into the work store `<out>/.thuiszit-work`
// (one file per finished replication, so a stopped run resumes and shards merge), then hand back the
// results in plan order. The output folder is locked for the whole command (shards excepted).
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ReplicationOutput } from '../../sim/model/replication.js';
import { compiledModulePath } from '../execution/compiled-path.js';
import { openOutputFolder, removeWorkStore, WORK_DIR_NAME, workStore, type OutputSession } from '../execution/output-folder.js';
import { runPlan } from '../execution/run-plan.js';
import type { Shard } from '../execution/shard.js';
import type { WorkPlan } from '../execution/work-item.js';
import { checkReplicationResults } from '../scenario-runs/check-results.js';
import type { ReplicationTaskInput } from '../scenario-runs/plan.js';

export interface ExecutionOptions {
  workers: number;
  quiet: boolean;
  resume: boolean;
  shard: Shard | null;
}

/** The results store inside an output folder given to merge (or the store itself, if given directly). */
export function storeDirOf(dir: string): string {
  return existsSync(path.join(dir, WORK_DIR_NAME, 'plan.json')) ? (workStore(dir, false) ?? dir) : dir;
}

export function replicationTaskModule(): string {
  return compiledModulePath(new URL('../tasks/replication-task.js', import.meta.url));
}

/** Notices (a stale lock taken over) go to stderr, beside the progress bar, never into outputs. */
export function printNotice(message: string): void {
  process.stderr.write(`thuiszit: ${message}\n`);
}

/**
 * Runs `body` with `out` opened for writing: locked (shards only check that no one holds the lock),
 * stale temporaries cleared, the lock released however the body ends.
 */
export async function withOutputFolder<T>(out: string, command: string, shard: boolean, body: (session: OutputSession) => Promise<T>): Promise<T> {
  const session = openOutputFolder(out, { command, shard, notice: printNotice });
  try {
    return await body(session);
  } finally {
    session.release();
  }
}

/**
 * Runs the plan. The work store exists only while a run is unfinished (a stop, or shards waiting for
 * merge), so work files of another plan there are someone's results in progress: the store refuses
 * to mix or delete them, and says so.
 */
export async function executeScenarioPlan(
  plan: WorkPlan<ReplicationTaskInput>,
  out: string,
  options: ExecutionOptions,
  taskModule: string,
): Promise<ReplicationOutput[] | null> {
  const storeDir = workStore(out, true)!;
  const outcome = await runPlan<ReplicationTaskInput, unknown>(plan, {
    workers: options.workers,
    taskModule,
    storeDir,
    resume: options.resume,
    quiet: options.quiet,
    ...(options.shard === null ? {} : { shard: options.shard }),
  });
  // Resumed items come from the store on disk: checked like a merge's results.
  return outcome.results === null ? null : checkReplicationResults(plan, outcome.results, storeDir);
}

/** Once the outputs are written and marked complete, the work files have served their purpose. */
export function removeWork(out: string): void {
  removeWorkStore(out);
}

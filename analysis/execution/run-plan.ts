// The one function the commands call: run a plan's items (all of them, or one shard's share),
// storing each result as it finishes when a store directory is given, and hand back the results in
// item order for the command's own aggregation.
import { executeItems } from './pool.js';
import { createProgress } from './progress.js';
import { type Shard, shardItems } from './shard.js';
import { ResultStore } from './store.js';
import { verifyPlanHash, type WorkPlan } from './work-item.js';

export interface RunPlanOptions {
  workers: number;
  taskModule: string;
  /** Results directory; required with shard or resume. */
  storeDir?: string;
  /** Skip items whose result is already stored. */
  resume?: boolean;
  shard?: Shard;
  quiet?: boolean;
  /** Where the progress bar goes (default stderr; drawn only on a TTY outside CI). */
  progressStream?: NodeJS.WriteStream;
}

export interface RunPlanOutcome<R> {
  /** true when every item of the plan has a result here; false for a shard. */
  complete: boolean;
  /** Results in item order when complete, else null (merge the shards' stores instead). */
  results: R[] | null;
}

export async function runPlan<I, R>(plan: WorkPlan<I>, options: RunPlanOptions): Promise<RunPlanOutcome<R>> {
  verifyPlanHash(plan, `${plan.kind} plan`);
  if (options.storeDir === undefined && options.shard !== undefined) {
    throw new Error(`--shard ${options.shard.index}/${options.shard.count} needs a store directory (--out): a shard's results are only useful stored, to be merged`);
  }
  if (options.storeDir === undefined && options.resume === true) {
    throw new Error('--resume needs a store directory (--out): the one whose stored results to resume from');
  }
  const store = options.storeDir === undefined ? null : ResultStore.open(options.storeDir, plan, { resume: options.resume === true });
  const share = options.shard === undefined ? plan.items : shardItems(plan.items, options.shard);
  const todo = store !== null && options.resume === true ? store.missing(share) : share;
  const alreadyDone = share.length - todo.length;

  const progress = createProgress(share.length, plan.kind, {
    quiet: options.quiet === true,
    initial: alreadyDone,
    ...(options.progressStream === undefined ? {} : { stream: options.progressStream }),
  });
  let fresh: R[];
  try {
    fresh = await executeItems<I, R>(todo, {
      workers: options.workers,
      taskModule: options.taskModule,
      storeDir: options.storeDir ?? null,
      shared: plan.shared,
      onResult: (item, result) => store?.write(item.id, result),
      onProgress: (done) => progress.tick(alreadyDone + done),
    });
  } finally {
    progress.stop();
    store?.close();
  }

  if (options.shard !== undefined) return { complete: false, results: null };
  const freshById = new Map(todo.map((item, position) => [item.id, fresh[position] as R]));
  // Items not run now were skipped by resume, which implies a store.
  const results = plan.items.map((item) => (freshById.has(item.id) ? (freshById.get(item.id) as R) : (store!.read(item.id) as R)));
  return { complete: true, results };
}

// Runs work items on a fixed pool of worker threads, or in this thread when workers = 1. Results are
// returned in item order whatever order they finish in, and every result passes through JSON (see
// result-json.ts), so the returned array is the same for 1, 2 or 32 workers if the task is a pure
// function of its input.
import { resultToJson } from './result-json.js';
import { frozenCopy, loadExecute, taskModuleUrl } from './task-module.js';
import { WorkItemError } from './work-item-error.js';
import type { WorkItem } from './work-item.js';
import { WorkerPool } from './worker-pool.js';

export interface ExecuteOptions<I, R> {
  /** 1 = run in this thread (no worker); more = that many worker_threads, at most one per item. */
  workers: number;
  /** Absolute path or file: URL of a compiled ESM module exporting `execute(input): R | Promise<R>`. */
  taskModule: string;
  /** Called as each item finishes, in completion order (which varies with the number of workers). */
  onResult?: (item: WorkItem<I>, result: R) => void;
  onProgress?: (done: number, total: number) => void;
  /** Where the run keeps files, handed to every execute() call (null when nothing is stored). */
  storeDir?: string | null;
  /** The plan's shared part, handed (frozen) to every execute() call beside the item's input. */
  shared?: unknown;
}

export { WorkItemError } from './work-item-error.js';

export async function executeItems<I, R>(items: readonly WorkItem<I>[], options: ExecuteOptions<I, R>): Promise<R[]> {
  if (!Number.isSafeInteger(options.workers) || options.workers < 1) {
    throw new Error(`workers is ${options.workers}; expected a whole number of at least 1`);
  }
  const moduleUrl = taskModuleUrl(options.taskModule);
  if (items.length === 0) return [];
  if (options.workers === 1) return executeInThread(items, moduleUrl, options);
  return executeOnWorkers(items, moduleUrl, Math.min(options.workers, items.length), options);
}

async function executeInThread<I, R>(items: readonly WorkItem<I>[], moduleUrl: string, options: ExecuteOptions<I, R>): Promise<R[]> {
  const execute = await loadExecute(moduleUrl);
  const context = { storeDir: options.storeDir ?? null, shared: frozenCopy(options.shared ?? null) };
  const results: R[] = [];
  for (const item of items) {
    let json: string;
    try {
      // A clone, as a worker would receive: a task that mutates its input must not alter the plan.
      json = resultToJson(item.id, await execute(structuredClone(item.input), context));
    } catch (error) {
      const asError = error instanceof Error ? error : new Error(String(error));
      throw new WorkItemError(item.id, asError.message, asError.stack ?? asError.message);
    }
    const result = JSON.parse(json) as R;
    results.push(result);
    options.onResult?.(item, result);
    options.onProgress?.(results.length, items.length);
  }
  return results;
}

async function executeOnWorkers<I, R>(
  items: readonly WorkItem<I>[],
  moduleUrl: string,
  workerCount: number,
  options: ExecuteOptions<I, R>,
): Promise<R[]> {
  const pool = new WorkerPool(moduleUrl, workerCount, options.storeDir ?? null);
  try {
    return await pool.run<I, R>(items, options.shared ?? null, {
      ...(options.onResult === undefined ? {} : { onResult: options.onResult }),
      ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    });
  } finally {
    await pool.close();
  }
}

/** Runs batch after batch on the same workers; close() when done. */
export interface Executor {
  run<I, R>(items: readonly WorkItem<I>[], shared?: unknown): Promise<R[]>;
  close(): Promise<void>;
}

/**
 * For callers that run many small batches (calibration): with more than one worker the threads
 * start once and serve every batch, instead of paying their start-up per batch.
 */
export function openExecutor(options: { workers: number; taskModule: string; storeDir?: string | null }): Executor {
  if (!Number.isSafeInteger(options.workers) || options.workers < 1) {
    throw new Error(`workers is ${options.workers}; expected a whole number of at least 1`);
  }
  const moduleUrl = taskModuleUrl(options.taskModule);
  const storeDir = options.storeDir ?? null;
  if (options.workers === 1) {
    return {
      run: <I, R>(items: readonly WorkItem<I>[], shared: unknown = null) => executeInThread<I, R>(items, moduleUrl, { workers: 1, taskModule: moduleUrl, storeDir, shared }),
      close: async () => {},
    };
  }
  const pool = new WorkerPool(moduleUrl, options.workers, storeDir);
  return { run: (items, shared = null) => pool.run(items, shared), close: () => pool.close() };
}

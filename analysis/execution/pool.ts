// Runs work items on a fixed pool of worker threads, or in this thread when workers = 1. Results are
// returned in item order whatever order they finish in, and every result passes through JSON (see
// result-json.ts), so the returned array is the same for 1, 2 or 32 workers if the task is a pure
// function of its input.
import { Worker } from 'node:worker_threads';
import { compiledModulePath } from './compiled-path.js';
import { resultToJson } from './result-json.js';
import { loadExecute, taskModuleUrl, type TaskContext } from './task-module.js';
import type { WorkItem } from './work-item.js';
import type { FromWorker, ToWorker, WorkerInit } from './worker-protocol.js';

export interface ExecuteOptions<I, R> {
  /** 1 = run in this thread (no worker); more = that many worker_threads, at most one per item. */
  workers: number;
  /** Absolute path or file: URL of a compiled ESM module exporting `execute(input): R | Promise<R>`. */
  taskModule: string;
  /** Called as each item finishes, in completion order (which varies with the number of workers). */
  onResult?: (item: WorkItem<I>, result: R) => void;
  onProgress?: (done: number, total: number) => void;
  /** Handed to every execute() call beside the item's input. */
  context?: TaskContext;
}

/** A task threw (or returned something JSON cannot hold) for one item; the run is abandoned. */
export class WorkItemError extends Error {
  readonly itemId: string;
  readonly taskStack: string;

  constructor(itemId: string, message: string, taskStack: string) {
    super(`work item '${itemId}' failed: ${message}`);
    this.name = 'WorkItemError';
    this.itemId = itemId;
    this.taskStack = taskStack;
    this.stack = `${this.name}: ${this.message}\ntask stack:\n${taskStack}`;
  }
}

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
  const results: R[] = [];
  for (const item of items) {
    let json: string;
    try {
      // A clone, as a worker would receive: a task that mutates its input must not alter the plan.
      json = resultToJson(item.id, await execute(structuredClone(item.input), options.context ?? { storeDir: null }));
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

function executeOnWorkers<I, R>(
  items: readonly WorkItem<I>[],
  moduleUrl: string,
  workerCount: number,
  options: ExecuteOptions<I, R>,
): Promise<R[]> {
  const entry = compiledModulePath(new URL('./worker-entry.js', import.meta.url));
  return new Promise<R[]>((resolve, reject) => {
    const results: R[] = new Array<R>(items.length);
    const workers: Worker[] = [];
    const inFlight = new Map<Worker, number>();
    let nextIndex = 0;
    let done = 0;
    let settled = false;

    const finish = (outcome: () => void): void => {
      settled = true;
      Promise.all(workers.map((worker) => worker.terminate())).then(outcome, outcome);
    };
    const fail = (error: Error): void => {
      if (!settled) finish(() => reject(error));
    };
    const itemIdOf = (worker: Worker): string => {
      const index = inFlight.get(worker);
      return index === undefined ? 'none' : `'${items[index]!.id}'`;
    };
    const dispatch = (worker: Worker): void => {
      if (nextIndex >= items.length) return;
      const index = nextIndex++;
      const item = items[index]!;
      inFlight.set(worker, index);
      const message: ToWorker = { type: 'run', index, id: item.id, input: item.input };
      worker.postMessage(message);
    };
    const receive = (worker: Worker, message: FromWorker): void => {
      switch (message.type) {
        case 'ready':
          dispatch(worker);
          return;
        case 'failed':
          if (message.index === null) {
            fail(new Error(`worker could not load the task module ${moduleUrl}: ${message.message}\n${message.stack}`));
          } else {
            fail(new WorkItemError(items[message.index]!.id, message.message, message.stack));
          }
          return;
        case 'result': {
          inFlight.delete(worker);
          const result = JSON.parse(message.json) as R;
          results[message.index] = result;
          done += 1;
          options.onResult?.(items[message.index]!, result);
          options.onProgress?.(done, items.length);
          if (done === items.length) finish(() => resolve(results));
          else dispatch(worker);
        }
      }
    };

    for (let number = 0; number < workerCount; number += 1) {
      const init: WorkerInit = { taskModule: moduleUrl, context: options.context ?? { storeDir: null } };
      const worker = new Worker(entry, { workerData: init });
      workers.push(worker);
      worker.on('message', (message: FromWorker) => {
        if (settled) return;
        try {
          receive(worker, message);
        } catch (error) {
          // onResult (e.g. a full disk while storing) failing must stop the run, not hang it.
          fail(error instanceof Error ? error : new Error(String(error)));
        }
      });
      worker.on('error', (error: Error) => {
        fail(new Error(`worker thread ${number} crashed while running item ${itemIdOf(worker)}: ${error.message}`, { cause: error }));
      });
      worker.on('messageerror', (error: Error) => {
        fail(new Error(`worker thread ${number} sent a message that could not be read (item ${itemIdOf(worker)}): ${error.message}`));
      });
      worker.on('exit', (code: number) => {
        fail(new Error(`worker thread ${number} exited with code ${code} while running item ${itemIdOf(worker)}; expected it to run until the pool finished`));
      });
    }
  });
}

// A fixed set of worker threads that stays alive across batches of items. Starting a thread and
// loading the model costs far more than one replication, so a calibration, which asks for a small
// batch per objective evaluation, keeps one pool for its whole run. Batches may overlap (Nelder-Mead
// evaluates the points of a simplex at once): every item waits in one queue and the next free
// worker takes a chunk of it, while results stay keyed to their batch and position. A batch's shared
// part (the plan's scenarios) goes to each worker once, not with every item.
import { Worker } from 'node:worker_threads';
import { compiledModulePath } from './compiled-path.js';
import { WorkItemError } from './work-item-error.js';
import type { WorkItem } from './work-item.js';
import type { ChunkTask, FromWorker, ToWorker, WorkerInit } from './worker-protocol.js';

export interface BatchCallbacks<I, R> {
  onResult?: (item: WorkItem<I>, result: R) => void;
  onProgress?: (done: number, total: number) => void;
}

interface Batch {
  number: number;
  items: readonly WorkItem[];
  shared: unknown;
  results: unknown[];
  done: number;
  callbacks: BatchCallbacks<unknown, unknown>;
  resolve: (results: unknown[]) => void;
  reject: (error: Error) => void;
}

interface Task {
  batch: Batch;
  position: number;
}

/** Items per message: several while the queue is long (fewer round trips), one near the end (balance). */
function chunkSize(queued: number, workers: number): number {
  return Math.max(1, Math.min(8, Math.floor(queued / (workers * 4))));
}

export class WorkerPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: Task[] = [];
  /** Tasks on a worker, by the number sent with them (unique over the pool's life). */
  private readonly running = new Map<number, Task>();
  /** Per worker: the task numbers of its chunk still running, and the batches whose shared part it holds. */
  private readonly chunkOf = new Map<Worker, Set<number>>();
  private readonly batchesOn = new Map<Worker, Set<number>>();
  private readonly batches = new Set<Batch>();
  private nextTaskNumber = 0;
  private nextBatchNumber = 0;
  private broken: Error | null = null;
  private closing = false;

  constructor(
    private readonly moduleUrl: string,
    workerCount: number,
    storeDir: string | null,
  ) {
    const entry = compiledModulePath(new URL('./worker-entry.js', import.meta.url));
    for (let number = 0; number < workerCount; number += 1) {
      const init: WorkerInit = { taskModule: moduleUrl, storeDir };
      const worker = new Worker(entry, { workerData: init });
      this.workers.push(worker);
      this.chunkOf.set(worker, new Set());
      this.batchesOn.set(worker, new Set());
      worker.on('message', (message: FromWorker) => this.receive(worker, message));
      worker.on('error', (error: Error) => {
        this.fail(new Error(`worker thread ${number} crashed while running item ${this.itemIdOf(worker)}: ${error.message}`, { cause: error }));
      });
      worker.on('messageerror', (error: Error) => {
        this.fail(new Error(`worker thread ${number} sent a message that could not be read (item ${this.itemIdOf(worker)}): ${error.message}`));
      });
      worker.on('exit', (code: number) => {
        if (!this.closing) {
          this.fail(new Error(`worker thread ${number} exited with code ${code} while running item ${this.itemIdOf(worker)}; expected it to run until the pool finished`));
        }
      });
    }
  }

  /** Results in item order; rejects with the first failure, which also ends the pool. */
  run<I, R>(items: readonly WorkItem<I>[], shared: unknown = null, callbacks: BatchCallbacks<I, R> = {}): Promise<R[]> {
    if (this.broken !== null) return Promise.reject(this.broken);
    if (items.length === 0) return Promise.resolve([]);
    return new Promise<R[]>((resolve, reject) => {
      const batch: Batch = {
        number: this.nextBatchNumber++,
        items,
        shared,
        results: new Array<unknown>(items.length),
        done: 0,
        callbacks: callbacks as BatchCallbacks<unknown, unknown>,
        resolve: resolve as (results: unknown[]) => void,
        reject,
      };
      this.batches.add(batch);
      for (let position = 0; position < items.length; position += 1) this.queue.push({ batch, position });
      this.dispatchAll();
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private dispatchAll(): void {
    while (this.idle.length > 0 && this.queue.length > 0) this.dispatch(this.idle.shift()!);
  }

  /** Sends the worker a chunk of queued items of one batch, with that batch's shared part if it lacks it. */
  private dispatch(worker: Worker): void {
    const first = this.queue[0];
    if (first === undefined) {
      this.idle.push(worker);
      return;
    }
    const { batch } = first;
    const held = this.batchesOn.get(worker)!;
    if (!held.has(batch.number)) {
      worker.postMessage({ type: 'shared', batch: batch.number, shared: batch.shared } satisfies ToWorker);
      held.add(batch.number);
    }
    const size = chunkSize(this.queue.length, this.workers.length);
    const tasks: ChunkTask[] = [];
    while (tasks.length < size && this.queue[0]?.batch === batch) {
      const task = this.queue.shift()!;
      const number = this.nextTaskNumber++;
      const item = batch.items[task.position]!;
      this.running.set(number, task);
      this.chunkOf.get(worker)!.add(number);
      tasks.push({ number, id: item.id, input: item.input });
    }
    worker.postMessage({ type: 'run', batch: batch.number, tasks } satisfies ToWorker);
  }

  private receive(worker: Worker, message: FromWorker): void {
    if (this.broken !== null) return;
    try {
      switch (message.type) {
        case 'ready':
          this.dispatch(worker);
          return;
        case 'failed': {
          const task = message.number === null ? undefined : this.running.get(message.number);
          this.fail(
            task === undefined
              ? new Error(`worker could not load the task module ${this.moduleUrl}: ${message.message}\n${message.stack}`)
              : new WorkItemError(task.batch.items[task.position]!.id, message.message, message.stack),
          );
          return;
        }
        case 'result': {
          const task = this.running.get(message.number)!;
          this.running.delete(message.number);
          const chunk = this.chunkOf.get(worker)!;
          chunk.delete(message.number);
          const { batch, position } = task;
          const result = JSON.parse(message.json) as unknown;
          batch.results[position] = result;
          batch.done += 1;
          batch.callbacks.onResult?.(batch.items[position]!, result);
          batch.callbacks.onProgress?.(batch.done, batch.items.length);
          if (batch.done === batch.items.length) this.finish(batch);
          if (chunk.size === 0) this.dispatch(worker);
        }
      }
    } catch (error) {
      // A callback failing (e.g. a full disk while storing) must stop the run, not hang it.
      this.fail(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** Resolves a batch and lets the workers drop its shared part. */
  private finish(batch: Batch): void {
    this.batches.delete(batch);
    for (const worker of this.workers) {
      if (this.batchesOn.get(worker)!.delete(batch.number)) worker.postMessage({ type: 'forget', batch: batch.number } satisfies ToWorker);
    }
    batch.resolve(batch.results);
  }

  private itemIdOf(worker: Worker): string {
    const numbers = [...(this.chunkOf.get(worker) ?? [])];
    const task = numbers.length === 0 ? undefined : this.running.get(numbers[0]!);
    return task === undefined ? 'none' : `'${task.batch.items[task.position]!.id}'`;
  }

  private fail(error: Error): void {
    if (this.broken !== null || this.closing) return;
    this.broken = error;
    const waiting = [...this.batches];
    this.batches.clear();
    this.queue.length = 0;
    void this.close().finally(() => {
      for (const batch of waiting) batch.reject(error);
    });
  }
}

// A fixed set of worker threads that stays alive across batches of items. Starting a thread and
// loading the model costs far more than one replication, so a calibration, which asks for a small
// batch per objective evaluation, keeps one pool for its whole run. Batches may overlap (Nelder-Mead
// evaluates the points of a simplex at once): every item waits in one queue and the next free
// worker takes it, while results stay keyed to their batch and position.
import { Worker } from 'node:worker_threads';
import { compiledModulePath } from './compiled-path.js';
import type { TaskContext } from './task-module.js';
import { WorkItemError } from './work-item-error.js';
import type { WorkItem } from './work-item.js';
import type { FromWorker, ToWorker, WorkerInit } from './worker-protocol.js';

export interface BatchCallbacks<I, R> {
  onResult?: (item: WorkItem<I>, result: R) => void;
  onProgress?: (done: number, total: number) => void;
}

interface Batch {
  items: readonly WorkItem[];
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

export class WorkerPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: Task[] = [];
  /** Tasks on a worker, by the number sent with them (unique over the pool's life). */
  private readonly running = new Map<number, Task>();
  private readonly taskOf = new Map<Worker, number>();
  private readonly batches = new Set<Batch>();
  private nextTaskNumber = 0;
  private broken: Error | null = null;
  private closing = false;

  constructor(
    private readonly moduleUrl: string,
    workerCount: number,
    context: TaskContext,
  ) {
    const entry = compiledModulePath(new URL('./worker-entry.js', import.meta.url));
    for (let number = 0; number < workerCount; number += 1) {
      const init: WorkerInit = { taskModule: moduleUrl, context };
      const worker = new Worker(entry, { workerData: init });
      this.workers.push(worker);
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
  run<I, R>(items: readonly WorkItem<I>[], callbacks: BatchCallbacks<I, R> = {}): Promise<R[]> {
    if (this.broken !== null) return Promise.reject(this.broken);
    if (items.length === 0) return Promise.resolve([]);
    return new Promise<R[]>((resolve, reject) => {
      const batch: Batch = {
        items,
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

  private dispatch(worker: Worker): void {
    const task = this.queue.shift();
    if (task === undefined) {
      this.idle.push(worker);
      return;
    }
    const number = this.nextTaskNumber++;
    const item = task.batch.items[task.position]!;
    this.running.set(number, task);
    this.taskOf.set(worker, number);
    const message: ToWorker = { type: 'run', index: number, id: item.id, input: item.input };
    worker.postMessage(message);
  }

  private receive(worker: Worker, message: FromWorker): void {
    if (this.broken !== null) return;
    try {
      switch (message.type) {
        case 'ready':
          this.dispatch(worker);
          return;
        case 'failed': {
          const task = message.index === null ? undefined : this.running.get(message.index);
          this.fail(
            task === undefined
              ? new Error(`worker could not load the task module ${this.moduleUrl}: ${message.message}\n${message.stack}`)
              : new WorkItemError(task.batch.items[task.position]!.id, message.message, message.stack),
          );
          return;
        }
        case 'result': {
          const task = this.running.get(message.index)!;
          this.running.delete(message.index);
          this.taskOf.delete(worker);
          const { batch, position } = task;
          const result = JSON.parse(message.json) as unknown;
          batch.results[position] = result;
          batch.done += 1;
          batch.callbacks.onResult?.(batch.items[position]!, result);
          batch.callbacks.onProgress?.(batch.done, batch.items.length);
          if (batch.done === batch.items.length) {
            this.batches.delete(batch);
            batch.resolve(batch.results);
          }
          this.dispatch(worker);
        }
      }
    } catch (error) {
      // A callback failing (e.g. a full disk while storing) must stop the run, not hang it.
      this.fail(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private itemIdOf(worker: Worker): string {
    const number = this.taskOf.get(worker);
    const task = number === undefined ? undefined : this.running.get(number);
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

// Runs a plan's work items in Web Workers, one per core (capped), handing each worker the next item
// when it finishes one; results come back in plan order whatever worker ran what. Where the browser
// refuses workers (Chromium on file://), the items run on the page itself, one per task, so the page
// still answers between them.
import { resultToJson } from '../../../analysis/execution/result-json.js';
import type { WorkItem } from '../../../analysis/execution/work-item.js';
import type { ReplicationShared, ReplicationTaskInput } from '../../../analysis/scenario-runs/plan.js';
import { replicationResult } from '../../../analysis/tasks/replication-result.js';
import type { ReplicationOutput } from '../../../sim/model/replication.js';
import type { WorkReply } from './worker-messages.js';

export const MAX_WORKERS = 8;

export interface PoolRun {
  results: Promise<ReplicationOutput[]>;
  cancel(): void;
  /** How many workers run the items; 0 when they run on the page. */
  workers: number;
}

export class RunCancelled extends Error {
  constructor() {
    super('run cancelled');
    this.name = 'RunCancelled';
  }
}

export function workerCount(items: number, cores: number | undefined): number {
  return Math.max(1, Math.min(MAX_WORKERS, cores ?? 2, items));
}

function startWorkers(count: number, workerUrl: string): Worker[] | null {
  const workers: Worker[] = [];
  try {
    for (let i = 0; i < count; i++) workers.push(new Worker(workerUrl));
    return workers;
  } catch {
    for (const worker of workers) worker.terminate();
    return null;
  }
}

export function runItems(
  items: readonly WorkItem<ReplicationTaskInput>[],
  shared: ReplicationShared,
  workerUrl: string,
  onProgress: (done: number) => void,
): PoolRun {
  const results = new Array<ReplicationOutput | undefined>(items.length);
  let done = 0;
  let cancelled = false;
  let reject: (error: Error) => void = () => undefined;
  const accept = (index: number, json: string): void => {
    results[index] = JSON.parse(json) as ReplicationOutput;
    done += 1;
    onProgress(done);
  };
  const workers = startWorkers(workerCount(items.length, navigator.hardwareConcurrency), workerUrl);
  const promise = new Promise<ReplicationOutput[]>((resolve, rejectRun) => {
    reject = rejectRun;
    const finish = (): void => resolve(results as ReplicationOutput[]);
    if (items.length === 0) return finish();
    if (workers === null) {
      const step = (index: number): void => {
        if (cancelled) return;
        const item = items[index];
        if (item === undefined) return finish();
        try {
          accept(index, resultToJson(item.id, replicationResult(item.input, shared)));
        } catch (error) {
          return rejectRun(error instanceof Error ? error : new Error(String(error)));
        }
        setTimeout(() => step(index + 1), 0);
      };
      return step(0);
    }
    let next = 0;
    const feed = (worker: Worker): void => {
      const index = next++;
      const item = items[index];
      if (item !== undefined) worker.postMessage({ index, input: item.input });
    };
    for (const worker of workers) {
      worker.postMessage({ shared });
      worker.onmessage = (event: MessageEvent<WorkReply>) => {
        const reply = event.data;
        if ('error' in reply) {
          for (const w of workers) w.terminate();
          return rejectRun(new Error(`work item ${items[reply.index]?.id ?? reply.index}: ${reply.error}`));
        }
        accept(reply.index, reply.json);
        if (done === items.length) {
          for (const w of workers) w.terminate();
          return finish();
        }
        feed(worker);
      };
      worker.onerror = (event) => {
        event.preventDefault();
        for (const w of workers) w.terminate();
        rejectRun(new Error(`a worker failed: ${event.message}`));
      };
      feed(worker);
    }
  });
  return {
    results: promise,
    workers: workers?.length ?? 0,
    cancel() {
      cancelled = true;
      for (const worker of workers ?? []) worker.terminate();
      reject(new RunCancelled());
    },
  };
}

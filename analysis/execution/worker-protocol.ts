// Messages between the pool (main thread) and a worker. The main thread hands out one item index at
// a time, so fast workers take more items (dynamic scheduling) while results stay keyed by index.
import type { TaskContext } from './task-module.js';

export interface WorkerInit {
  taskModule: string;
  context: TaskContext;
}

export type ToWorker = { type: 'run'; index: number; id: string; input: unknown };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'result'; index: number; json: string }
  | { type: 'failed'; index: number | null; message: string; stack: string };

// Messages between the pool (main thread) and a worker. A batch's shared part goes to a worker once,
// before its first chunk of that batch; then chunks of item indexes follow, one chunk at a time per
// worker, so fast workers take more (dynamic scheduling) while results stay keyed by task number.

export interface WorkerInit {
  taskModule: string;
  storeDir: string | null;
}

export interface ChunkTask {
  /** Unique over the pool's life. */
  number: number;
  id: string;
  input: unknown;
}

export type ToWorker =
  | { type: 'shared'; batch: number; shared: unknown }
  | { type: 'run'; batch: number; tasks: ChunkTask[] }
  | { type: 'forget'; batch: number };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'result'; number: number; json: string }
  | { type: 'failed'; number: number | null; message: string; stack: string };

// Entry point of each worker thread: imports the task module once, keeps each batch's shared part
// while the batch lasts, and runs the chunks of items the main thread sends, one result message per
// item. A failure is reported with its stack rather than thrown, so the main thread can name the item.
import { parentPort, workerData } from 'node:worker_threads';
import { resultToJson } from './result-json.js';
import { frozenCopy, loadExecute, type ExecuteFunction } from './task-module.js';
import type { FromWorker, ToWorker, WorkerInit } from './worker-protocol.js';

const port = parentPort;
if (port === null) {
  throw new Error('worker-entry.js was started as a main script; expected to be started by the execution pool as a worker thread');
}
const { taskModule, storeDir } = workerData as WorkerInit;
const sharedByBatch = new Map<number, unknown>();

const send = (message: FromWorker): void => port.postMessage(message);

function failure(number: number | null, error: unknown): FromWorker {
  const asError = error instanceof Error ? error : new Error(String(error));
  return { type: 'failed', number, message: asError.message, stack: asError.stack ?? asError.message };
}

let execute: ExecuteFunction;
try {
  execute = await loadExecute(taskModule);
  send({ type: 'ready' });
} catch (error) {
  send(failure(null, error));
}

// Messages are handled one after another: a chunk's items run in order, and the next message (the
// next chunk, or a new batch's shared part) waits until this chunk is done.
let queue: Promise<void> = Promise.resolve();
port.on('message', (message: ToWorker) => {
  queue = queue.then(() => handle(message));
});

async function handle(message: ToWorker): Promise<void> {
  switch (message.type) {
    case 'shared':
      // Frozen as in the main thread (see frozenCopy), so a task behaves alike in both.
      sharedByBatch.set(message.batch, frozenCopy(message.shared));
      return;
    case 'forget':
      sharedByBatch.delete(message.batch);
      return;
    case 'run': {
      const context = { storeDir, shared: sharedByBatch.get(message.batch) ?? null };
      for (const task of message.tasks) {
        try {
          send({ type: 'result', number: task.number, json: resultToJson(task.id, await execute(task.input, context)) });
        } catch (error) {
          send(failure(task.number, error));
          return;
        }
      }
    }
  }
}

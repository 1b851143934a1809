// Entry point of each worker thread: imports the task module once, then runs whatever item the main
// thread sends. A failure is reported with its stack rather than thrown, so the main thread can name
// the item that failed.
import { parentPort, workerData } from 'node:worker_threads';
import { resultToJson } from './result-json.js';
import { loadExecute, type ExecuteFunction } from './task-module.js';
import type { FromWorker, ToWorker, WorkerInit } from './worker-protocol.js';

const port = parentPort;
if (port === null) {
  throw new Error('worker-entry.js was started as a main script; expected to be started by the execution pool as a worker thread');
}
const { taskModule, context } = workerData as WorkerInit;

const send = (message: FromWorker): void => port.postMessage(message);

function failure(index: number | null, error: unknown): FromWorker {
  const asError = error instanceof Error ? error : new Error(String(error));
  return { type: 'failed', index, message: asError.message, stack: asError.stack ?? asError.message };
}

let execute: ExecuteFunction;
try {
  execute = await loadExecute(taskModule);
  send({ type: 'ready' });
} catch (error) {
  send(failure(null, error));
}

port.on('message', (message: ToWorker) => {
  void (async () => {
    try {
      const result = await execute(message.input, context);
      send({ type: 'result', index: message.index, json: resultToJson(message.id, result) });
    } catch (error) {
      send(failure(message.index, error));
    }
  })();
});

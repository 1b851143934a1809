// A Web Worker that runs work items of a scenario plan, one at a time, with the command line's task.
import { resultToJson } from '../../../analysis/execution/result-json.js';
import { replicationResult } from '../../../analysis/tasks/replication-result.js';
import type { WorkReply, WorkRequest } from './worker-messages.js';

const scope = self as unknown as { onmessage: ((event: MessageEvent<WorkRequest>) => void) | null; postMessage(reply: WorkReply): void };

scope.onmessage = (event) => {
  const { index, input } = event.data;
  try {
    scope.postMessage({ index, json: resultToJson(`item ${index}`, replicationResult(input)) });
  } catch (error) {
    scope.postMessage({ index, error: error instanceof Error ? error.message : String(error) });
  }
};

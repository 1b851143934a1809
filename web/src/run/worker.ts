// A Web Worker that runs work items of a scenario plan, one at a time, with the command line's task.
import { resultToJson } from '../../../analysis/execution/result-json.js';
import { replicationResult } from '../../../analysis/tasks/replication-result.js';
import type { ReplicationShared } from '../../../analysis/scenario-runs/plan.js';
import type { WorkReply, WorkRequest } from './worker-messages.js';

let shared: ReplicationShared | null = null;

const scope = self as unknown as { onmessage: ((event: MessageEvent<WorkRequest>) => void) | null; postMessage(reply: WorkReply): void };

scope.onmessage = (event) => {
  const request = event.data;
  if ('shared' in request) {
    shared = request.shared;
    return;
  }
  const { index, input } = request;
  try {
    if (shared === null) throw new Error('the plan\'s shared part did not arrive before its items');
    scope.postMessage({ index, json: resultToJson(`item ${index}`, replicationResult(input, shared)) });
  } catch (error) {
    scope.postMessage({ index, error: error instanceof Error ? error.message : String(error) });
  }
};

// One replication of a scenario without episode rows: what a work item of a run or compare plan
// computes, in a worker thread of the command line or a Web Worker of the web app alike.
import { runReplication, type ReplicationOutput } from '../../sim/model/replication.js';
import type { ReplicationTaskInput } from '../scenario-runs/plan.js';

export function replicationResult(input: ReplicationTaskInput): ReplicationOutput {
  const output = runReplication(input.scenario, input.seed, input.replication);
  return input.metricsOnly === true ? { ...output, weekly: {}, histograms: {} } : output;
}

// One replication of one of a plan's scenarios without episode rows: what a work item of a run or
// compare plan computes, in a worker thread of the command line or a Web Worker of the web app alike.
import type { Scenario } from '../../scenarios/schema.js';
import { runReplication, type ReplicationOutput } from '../../sim/model/replication.js';
import type { ReplicationShared, ReplicationTaskInput } from '../scenario-runs/plan.js';

export function scenarioOf(input: ReplicationTaskInput, shared: ReplicationShared): Scenario {
  const scenario: Scenario | undefined = shared.scenarios[input.scenario];
  if (scenario === undefined) throw new Error(`scenario index ${input.scenario} is not in the plan's ${shared.scenarios.length} scenarios`);
  return scenario;
}

export function replicationResult(input: ReplicationTaskInput, shared: ReplicationShared): ReplicationOutput {
  const output = runReplication(scenarioOf(input, shared), shared.seed, input.replication);
  return shared.metricsOnly ? { ...output, weekly: {}, histograms: {} } : output;
}

// The work of one item of a run, compare or sensitivity plan: one replication of one of the plan's
// scenarios. Runs in a worker thread or in the main thread; its result depends on its input and the
// plan's shared part only.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { runReplication, type ReplicationOutput } from '../../sim/model/replication.js';
import { EpisodeCsvWriter } from '../scenario-runs/episodes-csv.js';
import { episodePartFile, type ReplicationShared, type ReplicationTaskInput } from '../scenario-runs/plan.js';
import type { TaskContext } from '../execution/task-module.js';
import { replicationResult, scenarioOf } from './replication-result.js';

export function execute(input: ReplicationTaskInput, context: TaskContext): ReplicationOutput {
  const shared = context.shared as ReplicationShared;
  if (!shared.episodes) return replicationResult(input, shared);
  const scenario = scenarioOf(input, shared);
  if (context.storeDir === null) {
    throw new Error('--episodes needs a results directory to write episode rows to; expected --out');
  }
  const file = path.join(context.storeDir, episodePartFile(input));
  mkdirSync(path.dirname(file), { recursive: true });
  const writer = new EpisodeCsvWriter(file);
  try {
    return runReplication(scenario, shared.seed, input.replication, writer);
  } finally {
    writer.close();
  }
}

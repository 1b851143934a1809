// The work of one item of a run or compare plan: one replication of one scenario. Runs in a worker
// thread or in the main thread; its result depends on its input only.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { runReplication, type ReplicationOutput } from '../../sim/model/replication.js';
import { EpisodeCsvWriter } from '../scenario-runs/episodes-csv.js';
import type { ReplicationTaskInput } from '../scenario-runs/plan.js';
import type { TaskContext } from '../execution/task-module.js';
import { replicationResult } from './replication-result.js';

export function execute(input: ReplicationTaskInput, context: TaskContext): ReplicationOutput {
  if (input.episodesFile === null) return replicationResult(input);
  if (context.storeDir === null) {
    throw new Error('--episodes needs a results directory to write episode rows to; expected --out');
  }
  const file = path.join(context.storeDir, input.episodesFile);
  mkdirSync(path.dirname(file), { recursive: true });
  const writer = new EpisodeCsvWriter(file);
  try {
    return runReplication(input.scenario, input.seed, input.replication, writer);
  } finally {
    writer.close();
  }
}

// A shard is one of n deterministic slices of a plan, so n cluster tasks can each run a share
// without talking to each other. Indices are 0-based because the schedulers' own indices are:
// Slurm's SLURM_ARRAY_TASK_ID for --array=0-(n-1) and Kubernetes' JOB_COMPLETION_INDEX.
import type { WorkItem } from './work-item.js';

export interface Shard {
  index: number;
  count: number;
}

const shardPattern = /^(\d+)\/(\d+)$/;

export function parseShard(text: string): Shard {
  const match = shardPattern.exec(text.trim());
  const expected = "expected 'i/n' with 0 <= i < n, a 0-based index as in SLURM_ARRAY_TASK_ID over the whole array's size (e.g. '0/8' ... '7/8')";
  if (match === null) {
    throw new Error(`--shard is '${text}'; ${expected}`);
  }
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(count) || count < 1 || index >= count) {
    throw new Error(`--shard is '${text}' (index ${index}, count ${count}); ${expected}`);
  }
  return { index, count };
}

/** Item k belongs to shard k mod n: round-robin spreads slow scenarios evenly over the shards. */
export function shardItems<T extends WorkItem>(items: readonly T[], shard: Shard): T[] {
  return items.filter((_, position) => position % shard.count === shard.index);
}

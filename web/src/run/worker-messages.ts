// What the page and its Web Workers say to each other: one work item of the plan out, its result
// back as JSON text (the command line's worker threads hand results back the same way).
import type { ReplicationShared, ReplicationTaskInput } from '../../../analysis/scenario-runs/plan.js';

/** The plan's shared part (its scenarios, seed) goes to each worker once, before the items. */
export type WorkRequest = { shared: ReplicationShared } | { index: number; input: ReplicationTaskInput };

export type WorkReply = { index: number; json: string } | { index: number; error: string };

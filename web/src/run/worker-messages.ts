// What the page and its Web Workers say to each other: one work item of the plan out, its result
// back as JSON text (the command line's worker threads hand results back the same way).
import type { ReplicationTaskInput } from '../../../analysis/scenario-runs/plan.js';

export interface WorkRequest {
  index: number;
  input: ReplicationTaskInput;
}

export type WorkReply = { index: number; json: string } | { index: number; error: string };

// Gathers the stores written by the shards of one plan (in one shared directory or several) into
// the full set of results. It refuses anything that could make the merged outputs differ from a
// single run's: different plans or versions, a missing item, or two different results for one item.
import path from 'node:path';
import { readPlanFile, storedResults } from './store.js';
import { checkSameTool, type WorkPlan } from './work-item.js';

export interface MergedResults {
  plan: WorkPlan;
  /** Item id -> result, in the plan's item order. */
  results: Map<string, unknown>;
}

const idsShown = 10;

/** `checkPlan` checks the kind-specific content of the plan read back (before any result is read). */
export function mergeStores(dirs: readonly string[], checkPlan: (plan: WorkPlan, file: string) => void = () => {}): MergedResults {
  if (dirs.length === 0) throw new Error('merge got no results directories; expected at least one --out directory of a run or its shards');
  const plans = dirs.map((dir) => ({ dir, plan: readPlanFile(dir) }));
  const first = plans[0]!;
  for (const { dir, plan } of plans) checkSameTool(plan.tool, dir, 'cannot merge');
  for (const { dir, plan } of plans) {
    if (plan.planHash !== first.plan.planHash) {
      throw new Error(
        `cannot merge: ${first.dir} holds plan ${first.plan.planHash} (${first.plan.kind}) but ${dir} holds plan ${plan.planHash} (${plan.kind}); expected every directory to hold the same plan`,
      );
    }
  }
  const plan = first.plan;
  checkPlan(plan, path.join(first.dir, 'plan.json'));
  let stored;
  try {
    stored = storedResults(dirs, plan);
  } catch (error) {
    throw new Error(`cannot merge: ${(error as Error).message}`);
  }
  const missing = plan.items.filter((item) => !stored.has(item.id)).map((item) => item.id);
  if (missing.length > 0) {
    const shown = missing.slice(0, idsShown).join(', ');
    const more = missing.length > idsShown ? ` and ${missing.length - idsShown} more` : '';
    throw new Error(
      `cannot merge: ${missing.length} of ${plan.items.length} items have no result (${shown}${more}); ` +
        'expected every shard to have finished: rerun the missing shards with the same command and --resume',
    );
  }
  return { plan, results: new Map(plan.items.map((item) => [item.id, stored.get(item.id)!.result])) };
}

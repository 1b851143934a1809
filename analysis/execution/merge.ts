// Gathers the stores written by the shards of one plan (in one shared directory or several) into
// the full set of results. It refuses anything that could make the merged outputs differ from a
// single run's: different plans, a missing item, or two different results for one item.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { itemFilePath, parseJsonText, readPlanFile, storedItemIds } from './store.js';
import { checkSameTool, type WorkPlan } from './work-item.js';

export interface MergedResults {
  plan: WorkPlan;
  /** Item id -> result, in the plan's item order. */
  results: Map<string, unknown>;
}

const idsShown = 10;

/** `checkPlan` checks the kind-specific content of the plan read back (before any item is read). */
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
  const planIds = new Set(plan.items.map((item) => item.id));
  const texts = new Map<string, { text: string; file: string }>();
  for (const dir of dirs) {
    for (const id of storedItemIds(dir)) {
      const file = itemFilePath(dir, id);
      if (!planIds.has(id)) {
        throw new Error(`cannot merge: ${file} is not an item of plan ${plan.planHash}; expected only that plan's item files in ${dir}`);
      }
      const text = readFileSync(file, 'utf8');
      const earlier = texts.get(id);
      if (earlier === undefined) texts.set(id, { text, file });
      else if (earlier.text !== text) {
        // Identical duplicates are harmless (a shard re-run, or the same directory given twice).
        throw new Error(`cannot merge: item '${id}' has different results in ${earlier.file} and ${file}; expected a deterministic task to give identical results`);
      }
    }
  }
  const missing = plan.items.filter((item) => !texts.has(item.id)).map((item) => item.id);
  if (missing.length > 0) {
    const shown = missing.slice(0, idsShown).join(', ');
    const more = missing.length > idsShown ? ` and ${missing.length - idsShown} more` : '';
    throw new Error(
      `cannot merge: ${missing.length} of ${plan.items.length} items have no result (${shown}${more}); ` +
        'expected every shard to have finished: rerun the missing shards with the same command and --resume',
    );
  }
  const results = new Map<string, unknown>();
  for (const item of plan.items) {
    const { text, file } = texts.get(item.id)!;
    results.set(item.id, parseJsonText(text, file));
  }
  return { plan, results };
}

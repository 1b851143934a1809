// A command (run, compare, sensitivity) is planned as a list of independent work items. The plan is
// data: it is written next to the results, and its hash ties every stored result to the plan that
// asked for it, so a resumed run or a merge can never mix results of two different plans.
import { canonicalJson, sha256Hex } from './canonical-json.js';

export interface WorkItem<I = unknown> {
  /** Stable, unique and filename-safe: it names the result file, e.g. 'baseline-r0007'. */
  id: string;
  /** JSON-serialisable input handed to the task module's execute(). */
  input: I;
}

export interface WorkPlan<I = unknown> {
  kind: string;
  /** sha256 of the canonical JSON of { kind, options, items }. */
  planHash: string;
  items: WorkItem<I>[];
  /** What the aggregation needs to reproduce the outputs from the results (JSON). */
  options: unknown;
}

// Leading dots are excluded because the store's temporary files start with a dot; the length
// limit keeps '<id>.json' well inside every file system's name limit.
const itemIdPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

export function createPlan<I>(kind: string, options: unknown, items: readonly WorkItem<I>[]): WorkPlan<I> {
  if (kind.length === 0) throw new Error("plan kind is ''; expected a non-empty name such as 'run'");
  checkItemIds(items);
  // The plan every path uses is the canonical form read back, exactly what plan.json holds: a run
  // and a merge of its shards then see the same key order, so outputs that echo a scenario (the
  // manifest, the report's stated YAML) are the same bytes either way.
  const canonical = canonicalJson({ kind, options, items: items.map((item) => ({ id: item.id, input: item.input })) });
  const content = JSON.parse(canonical) as { options: unknown; items: WorkItem<I>[] };
  return { kind, planHash: sha256Hex(canonical), items: content.items, options: content.options };
}

function planHashOf(plan: Pick<WorkPlan, 'kind' | 'options' | 'items'>): string {
  return sha256Hex(canonicalJson({ kind: plan.kind, options: plan.options, items: plan.items }));
}

/** Throws if the plan's stated hash is not the hash of its content (a hand-edited or corrupt plan). */
export function verifyPlanHash(plan: WorkPlan, source: string): void {
  const actual = planHashOf(plan);
  if (actual !== plan.planHash) {
    throw new Error(`${source}: planHash is ${plan.planHash} but the plan's content hashes to ${actual}; expected them to agree (was the plan edited?)`);
  }
}

export function checkItemIds(items: readonly WorkItem[]): void {
  const seen = new Set<string>();
  for (const [index, item] of items.entries()) {
    if (typeof item.id !== 'string' || !itemIdPattern.test(item.id)) {
      throw new Error(`work item ${index} has id ${JSON.stringify(item.id)}; expected 1-200 characters of letters, digits, '.', '_' or '-', not starting with '.', '_' or '-'`);
    }
    if (seen.has(item.id)) {
      throw new Error(`work item ${index} has id '${item.id}', which an earlier item already has; expected unique ids`);
    }
    seen.add(item.id);
  }
}

// A command (run, compare, sensitivity) is planned as a list of independent work items. The plan is
// data: it is written next to the results, and its hash ties every stored result to the plan that
// asked for it, so a resumed run or a merge can never mix results of two different plans, and its
// tool version ties them to the code that made them.
import { canonicalJson, sha256Hex } from '../../scenarios/canonical.js';
import { describeTool, toolVersion, type ToolVersion } from '../version.js';

export interface WorkItem<I = unknown> {
  /** Stable, unique and filename-safe: it names the result file, e.g. 's00-r00007'. */
  id: string;
  /** Small JSON input handed to the task module's execute(), e.g. { scenario: 0, replication: 7 }. */
  input: I;
}

export interface WorkPlan<I = unknown> {
  kind: string;
  /** sha256 of the canonical JSON of { kind, tool, options, shared, items }. */
  planHash: string;
  /** The code that made the plan; results of another version are refused, not mixed. */
  tool: ToolVersion;
  /**
   * What every item needs (the resolved scenarios): held once in the plan and sent once to each
   * worker, so items stay small indexes into it.
   */
  shared: unknown;
  items: WorkItem<I>[];
  /** What the aggregation needs to reproduce the outputs from the results (JSON). */
  options: unknown;
}

// Leading dots are excluded because the store's temporary files start with a dot; the length
// limit keeps '<id>.json' well inside every file system's name limit.
const itemIdPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

type PlanContent = Pick<WorkPlan, 'kind' | 'tool' | 'options' | 'shared' | 'items'>;

function contentOf(plan: PlanContent): PlanContent {
  return { kind: plan.kind, tool: plan.tool, options: plan.options, shared: plan.shared, items: plan.items.map((item) => ({ id: item.id, input: item.input })) };
}

export function createPlan<I>(kind: string, options: unknown, items: readonly WorkItem<I>[], shared: unknown = null): WorkPlan<I> {
  if (kind.length === 0) throw new Error("plan kind is ''; expected a non-empty name such as 'run'");
  checkItemIds(items);
  // The plan every path uses is the canonical form read back, exactly what plan.json holds: a run
  // and a merge of its shards then see the same key order, so outputs that echo a scenario (the
  // manifest, the report's stated YAML) are the same bytes either way.
  const canonical = canonicalJson(contentOf({ kind, tool: toolVersion(), options, shared, items: [...items] }), 'plan value');
  const content = JSON.parse(canonical) as PlanContent & { items: WorkItem<I>[] };
  return { kind, planHash: sha256Hex(canonical), tool: content.tool, shared: content.shared, items: content.items, options: content.options };
}

/** The hash a plan's content must carry as planHash. */
export function planHashOf(plan: PlanContent): string {
  return sha256Hex(canonicalJson(contentOf(plan), 'plan value'));
}

/** Throws if the plan's stated hash is not the hash of its content (a hand-edited or corrupt plan). */
export function verifyPlanHash(plan: WorkPlan, source: string): void {
  const actual = planHashOf(plan);
  if (actual !== plan.planHash) {
    throw new Error(`${source}: planHash is ${plan.planHash} but the plan's content hashes to ${actual}; expected them to agree (was the plan edited?)`);
  }
}

/** Throws unless the plan was made by this very code: another version's results would be mislabelled. */
export function checkSameTool(tool: ToolVersion, source: string, action: string): void {
  const here = toolVersion();
  if (tool.version !== here.version || tool.model !== here.model) {
    throw new Error(
      `${action}: ${source} holds results of ${describeTool(tool)}, but this is ${describeTool(here)}; ` +
        'expected results of this very version: rerun the whole plan with this version, or use the version that stored them',
    );
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

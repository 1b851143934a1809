// A results directory: plan.json plus the result logs of the processes that ran its items
// (result-log.ts). Because each result is appended the moment it finishes, a stopped run loses only
// the items in flight, and shards on a cluster can share one directory (their items are disjoint,
// their plan.json identical, each writes its own log).
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-write.js';
import { canonicalJson } from '../../scenarios/canonical.js';
import { readResultLogs, ResultLog, type StoredResult } from './result-log.js';
import { resultToJson } from './result-json.js';
import { checkItemIds, checkSameTool, verifyPlanHash, type WorkItem, type WorkPlan } from './work-item.js';
import { zodProblems } from '../output/zod-problems.js';

const planFileName = 'plan.json';

export class ResultStore {
  readonly dir: string;
  readonly plan: WorkPlan;
  private readonly itemIds: ReadonlySet<string>;
  private readonly stored: Map<string, StoredResult>;
  private log: ResultLog | null = null;

  private constructor(dir: string, plan: WorkPlan) {
    this.dir = dir;
    this.plan = plan;
    this.itemIds = new Set(plan.items.map((item) => item.id));
    this.stored = storedResults([dir], plan);
  }

  /**
   * Opens (creating if needed) the store for this plan. A directory that holds a different plan is
   * always an error, with or without resume: overwriting it would leave the other plan's results
   * behind to be mistaken for ours. `resume` only decides whether stored items are skipped, which
   * the caller does through missing().
   */
  static open(dir: string, plan: WorkPlan, options: { resume: boolean }): ResultStore {
    verifyPlanHash(plan, 'plan to run');
    const planFile = path.join(dir, planFileName);
    if (existsSync(planFile)) {
      const stored = readPlanFile(dir);
      checkSameTool(stored.tool, dir, options.resume ? 'cannot resume' : 'refusing to write');
      if (stored.planHash !== plan.planHash) {
        const action = options.resume ? 'cannot resume' : 'refusing to write';
        throw new Error(
          `${action} in ${dir}: it holds results of plan ${stored.planHash} (${stored.kind}), but this command plans ${plan.planHash} (${plan.kind}); ` +
            `expected the same plan hash: use the same command and options, another --out directory, or delete ${dir} to discard those results`,
        );
      }
    } else {
      mkdirSync(dir, { recursive: true });
      writeFileAtomic(planFile, `${canonicalJson(plan)}\n`);
    }
    return new ResultStore(dir, plan);
  }

  has(id: string): boolean {
    this.check(id);
    return this.stored.has(id);
  }

  read(id: string): unknown {
    this.check(id);
    const stored = this.stored.get(id);
    if (stored === undefined) throw new Error(`work item '${id}' has no stored result in ${this.dir}`);
    return stored.result;
  }

  write(id: string, result: unknown): void {
    this.check(id);
    this.log ??= new ResultLog(this.dir);
    const json = resultToJson(id, result);
    this.log.append(id, json);
    this.stored.set(id, { line: '', result: JSON.parse(json) as unknown, file: '' });
  }

  /** Syncs and closes this process's log; call once the run ends, however it ends. */
  close(): void {
    this.log?.close();
    this.log = null;
  }

  /** The items (in the order given) that have no stored result yet. */
  missing<T extends WorkItem>(items: readonly T[]): T[] {
    return items.filter((item) => !this.stored.has(item.id));
  }

  private check(id: string): void {
    if (!this.itemIds.has(id)) {
      throw new Error(`work item '${id}' is not in plan ${this.plan.planHash}; expected one of its ${this.itemIds.size} item ids`);
    }
  }
}

/**
 * The stored results of a plan across one or more stores (a run's, or its shards'). A result for an
 * item the plan lacks, or two different results for one item, is refused: either would make the
 * outputs differ from a single run's. Identical duplicates are harmless (a shard re-run, the same
 * directory given twice).
 */
export function storedResults(dirs: readonly string[], plan: WorkPlan): Map<string, StoredResult> {
  const planIds = new Set(plan.items.map((item) => item.id));
  const results = new Map<string, StoredResult>();
  for (const dir of dirs) {
    for (const { id, ...stored } of readResultLogs(dir)) {
      if (!planIds.has(id)) {
        throw new Error(`${stored.file} holds a result for '${id}', which is not an item of plan ${plan.planHash}; expected only that plan's results in ${dir}`);
      }
      const earlier = results.get(id);
      if (earlier === undefined) results.set(id, stored);
      else if (earlier.line !== stored.line) {
        throw new Error(`item '${id}' has different results in ${earlier.file} and ${stored.file}; expected a deterministic task to give identical results`);
      }
    }
  }
  return results;
}

// What a plan file must hold; the content of `shared`, `options` and each item's input is checked by
// the command that knows the plan's kind, and nothing in it ever names a file.
const planFileSchema = z.strictObject({
  kind: z.string().min(1),
  planHash: z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 hex digits'),
  tool: z.strictObject({ version: z.string(), model: z.string() }),
  shared: z.unknown(),
  items: z.array(z.strictObject({ id: z.string(), input: z.unknown() })),
  options: z.unknown(),
});

export function readPlanFile(dir: string): WorkPlan {
  const file = path.join(dir, planFileName);
  if (!existsSync(file)) {
    throw new Error(`${dir} has no ${planFileName}; expected a results directory written by a run with --out`);
  }
  const parsed = planFileSchema.safeParse(parseJsonText(readFileSync(file, 'utf8'), file));
  if (!parsed.success) {
    throw new Error(`${file} is not a work plan of thuiszit: ${zodProblems(parsed.error)}`);
  }
  const { kind, planHash, tool, shared, items, options } = parsed.data;
  const plan: WorkPlan = { kind, planHash, tool, shared, items, options };
  checkItemIds(plan.items);
  verifyPlanHash(plan, file);
  return plan;
}

export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`${file} is not valid JSON (${(error as Error).message}); expected a file written by thuiszit`);
  }
}

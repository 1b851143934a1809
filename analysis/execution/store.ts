// A results directory: plan.json plus one file per finished item in items/<id>.json. Because each
// result is stored the moment it finishes, a stopped run loses only the items in flight, and shards
// on a cluster can share one directory (their items are disjoint, their plan.json identical).
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { isTemporaryFileName, writeFileAtomic } from './atomic-write.js';
import { canonicalJson } from '../../scenarios/canonical.js';
import { resultToJson } from './result-json.js';
import { checkItemIds, checkSameTool, verifyPlanHash, type WorkItem, type WorkPlan } from './work-item.js';
import { zodProblems } from '../output/zod-problems.js';

const planFileName = 'plan.json';
const itemsDirectoryName = 'items';

export class ResultStore {
  readonly dir: string;
  readonly plan: WorkPlan;
  private readonly itemsDir: string;
  private readonly itemIds: ReadonlySet<string>;

  private constructor(dir: string, plan: WorkPlan) {
    this.dir = dir;
    this.plan = plan;
    this.itemsDir = path.join(dir, itemsDirectoryName);
    this.itemIds = new Set(plan.items.map((item) => item.id));
  }

  /**
   * Opens (creating if needed) the store for this plan. A directory that holds a different plan is
   * always an error, with or without resume: overwriting it would leave the other plan's item files
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
    mkdirSync(path.join(dir, itemsDirectoryName), { recursive: true });
    return new ResultStore(dir, plan);
  }

  has(id: string): boolean {
    return existsSync(this.fileOf(id));
  }

  read(id: string): unknown {
    const file = this.fileOf(id);
    return parseJsonText(readFileSync(file, 'utf8'), file);
  }

  write(id: string, result: unknown): void {
    writeFileAtomic(this.fileOf(id), `${resultToJson(id, result)}\n`);
  }

  /** The items (in the order given) that have no stored result yet. */
  missing<T extends WorkItem>(items: readonly T[]): T[] {
    const stored = new Set(storedItemIds(this.dir));
    return items.filter((item) => !stored.has(item.id));
  }

  private fileOf(id: string): string {
    if (!this.itemIds.has(id)) {
      throw new Error(`work item '${id}' is not in plan ${this.plan.planHash}; expected one of its ${this.itemIds.size} item ids`);
    }
    return path.join(this.itemsDir, `${id}.json`);
  }
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

/** Ids of the complete result files in a store; temporary files of unfinished writes are skipped. */
export function storedItemIds(dir: string): string[] {
  const itemsDir = path.join(dir, itemsDirectoryName);
  if (!existsSync(itemsDir)) return [];
  return readdirSync(itemsDir)
    .filter((name) => !isTemporaryFileName(name) && name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length));
}

export function itemFilePath(dir: string, id: string): string {
  return path.join(dir, itemsDirectoryName, `${id}.json`);
}

export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`${file} is not valid JSON (${(error as Error).message}); expected a file written by thuiszit`);
  }
}

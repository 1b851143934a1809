import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runPlan } from '../../analysis/execution/run-plan.js';
import { readResultLogs } from '../../analysis/execution/result-log.js';
import { ResultStore } from '../../analysis/execution/store.js';
import { createPlan } from '../../analysis/execution/work-item.js';
import { executionsByX, fixtureTask, squarePlan, temporaryDirectories } from './helpers.js';

const dirs = temporaryDirectories();
afterEach(() => dirs.removeAll());
const taskModule = fixtureTask('square.mjs');

/** Item id -> its stored line, over every result log of the store. */
function storedLines(dir: string): Map<string, string> {
  return new Map(readResultLogs(dir).map((entry) => [entry.id, entry.line]));
}

/** Rewrites a store's result logs without the lines of the items given: a stop before they finished. */
function forget(dir: string, ids: readonly string[]): void {
  const logs = path.join(dir, 'results');
  for (const name of readdirSync(logs)) {
    const kept = readFileSync(path.join(logs, name), 'utf8').split('\n').filter((line) => !ids.some((id) => line.includes(`"id":"${id}"`)));
    writeFileSync(path.join(logs, name), kept.join('\n'));
  }
}

describe('runPlan with a result store', () => {
  it('stores one line per item, byte-identical for 1 and 3 workers, and leaves no temporary files', async () => {
    const plan = squarePlan(7);
    const one = dirs.make('w1');
    const three = dirs.make('w3');
    const first = await runPlan(plan, { workers: 1, taskModule, storeDir: one, quiet: true });
    const second = await runPlan(plan, { workers: 3, taskModule, storeDir: three, quiet: true });
    expect(first.complete).toBe(true);
    expect(JSON.stringify(second.results)).toBe(JSON.stringify(first.results));
    const lines = storedLines(one);
    expect([...lines.keys()].sort()).toEqual(plan.items.map((item) => item.id).sort());
    expect(storedLines(three)).toEqual(lines);
    expect(readFileSync(path.join(one, 'plan.json'), 'utf8')).toBe(readFileSync(path.join(three, 'plan.json'), 'utf8'));
    // The temporary-file pattern of atomic writes (.<name>.<hex>.tmp) must not survive a run.
    for (const dir of [one, path.join(one, 'results'), three, path.join(three, 'results')]) {
      expect(readdirSync(dir).filter((name) => name.startsWith('.') || name.endsWith('.tmp'))).toEqual([]);
    }
  });

  it('on resume runs only the missing items and returns the same results as a full run', async () => {
    const markers = dirs.make('markers');
    const plan = squarePlan(6, { markerDir: markers });
    const storeDir = dirs.make('store');
    const full = await runPlan(plan, { workers: 2, taskModule, storeDir, quiet: true });
    // Simulate a stop after four items: two results never got written.
    forget(storeDir, ['sq-0001', 'sq-0004']);
    rmSync(markers, { recursive: true });
    mkdirSync(markers);
    const resumed = await runPlan(plan, { workers: 2, taskModule, storeDir, resume: true, quiet: true });
    expect(executionsByX(markers)).toEqual(new Map([[1, 1], [4, 1]]));
    expect(JSON.stringify(resumed.results)).toBe(JSON.stringify(full.results));
  });

  it('resume into a directory that does not exist yet starts a fresh store (a first cluster attempt)', async () => {
    const storeDir = path.join(dirs.make('parent'), 'results');
    const outcome = await runPlan<unknown, { square: number }>(squarePlan(3), { workers: 1, taskModule, storeDir, resume: true, quiet: true });
    expect(outcome.results?.map((result) => result.square)).toEqual([0, 1, 4]);
    expect(storedLines(storeDir).size).toBe(3);
  });

  it('without resume runs every item again', async () => {
    const markers = dirs.make('markers');
    const plan = squarePlan(3, { markerDir: markers });
    const storeDir = dirs.make('store');
    await runPlan(plan, { workers: 1, taskModule, storeDir, quiet: true });
    await runPlan(plan, { workers: 1, taskModule, storeDir, quiet: true });
    expect(executionsByX(markers)).toEqual(new Map([[0, 2], [1, 2], [2, 2]]));
  });

  it('refuses to resume into a store of another plan, naming both hashes', async () => {
    const storeDir = dirs.make('store');
    const planA = squarePlan(3);
    const planB = createPlan('test', { note: 'squares' }, planA.items.slice(0, 2));
    await runPlan(planA, { workers: 1, taskModule, storeDir, quiet: true });
    const attempt = runPlan(planB, { workers: 1, taskModule, storeDir, resume: true, quiet: true });
    await expect(attempt).rejects.toThrow(`cannot resume in ${storeDir}: it holds results of plan ${planA.planHash}`);
    await expect(attempt).rejects.toThrow(`this command plans ${planB.planHash}`);
    await expect(runPlan(planB, { workers: 1, taskModule, storeDir, quiet: true })).rejects.toThrow(/refusing to write/);
  });

  it('refuses a plan whose stated hash does not match its content', async () => {
    const plan = { ...squarePlan(2), options: { note: 'edited after hashing' } };
    await expect(runPlan(plan, { workers: 1, taskModule, quiet: true })).rejects.toThrow(/planHash is [0-9a-f]{64} but the plan's content hashes to/);
  });

  it('runs without a store and needs one for a shard or a resume', async () => {
    const plan = squarePlan(3);
    const outcome = await runPlan<unknown, { square: number }>(plan, { workers: 1, taskModule, quiet: true });
    expect(outcome.results?.map((result) => result.square)).toEqual([0, 1, 4]);
    await expect(runPlan(plan, { workers: 1, taskModule, shard: { index: 0, count: 2 } })).rejects.toThrow(/--shard 0\/2 needs a store directory/);
    await expect(runPlan(plan, { workers: 1, taskModule, resume: true })).rejects.toThrow(/--resume needs a store directory/);
  });

  it('a failing item stops the run but keeps the results already stored', async () => {
    const storeDir = dirs.make('store');
    const plan = createPlan('test', {}, [
      { id: 'ok-0', input: { x: 0 } },
      { id: 'bad-1', input: { x: 1, fail: true } },
    ]);
    await expect(runPlan(plan, { workers: 1, taskModule, storeDir, quiet: true })).rejects.toThrow("work item 'bad-1' failed");
    expect([...storedLines(storeDir).keys()]).toEqual(['ok-0']);
  });
});

describe('ResultStore', () => {
  it('reports missing items in the order given and skips a line a stop cut off', () => {
    const plan = squarePlan(4);
    const dir = dirs.make('store');
    const store = ResultStore.open(dir, plan, { resume: false });
    store.write('sq-0002', { square: 4 });
    expect(() => store.write('sq-9999', 1)).toThrow("work item 'sq-9999' is not in plan");
    store.close();
    // A write that was cut off leaves a partial last line, which must not count as a result.
    const log = path.join(dir, 'results', readdirSync(path.join(dir, 'results'))[0]!);
    writeFileSync(log, `${readFileSync(log, 'utf8')}{"id":"sq-0000","result":{"squ`);
    const reopened = ResultStore.open(dir, plan, { resume: true });
    expect(reopened.missing(plan.items).map((item) => item.id)).toEqual(['sq-0000', 'sq-0001', 'sq-0003']);
    expect(reopened.has('sq-0002')).toBe(true);
    expect(reopened.read('sq-0002')).toEqual({ square: 4 });
  });
});

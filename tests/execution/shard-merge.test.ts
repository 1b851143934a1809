import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { mergeStores } from '../../analysis/execution/merge.js';
import { runPlan } from '../../analysis/execution/run-plan.js';
import { parseShard, shardItems } from '../../analysis/execution/shard.js';
import { executionsByX, fixtureTask, squarePlan, temporaryDirectories } from './helpers.js';

const dirs = temporaryDirectories();
afterEach(() => dirs.removeAll());
const taskModule = fixtureTask('square.mjs');

describe('parseShard', () => {
  it('reads a 0-based index and a count', () => {
    expect(parseShard('0/3')).toEqual({ index: 0, count: 3 });
    expect(parseShard('31/32')).toEqual({ index: 31, count: 32 });
  });

  for (const bad of ['3/3', '4/3', '1/0', '-1/3', '1', 'a/b', '1/3/5', '', '1.5/3']) {
    it(`rejects '${bad}' naming --shard, the value and what was expected`, () => {
      expect(() => parseShard(bad)).toThrow(new RegExp(`^--shard is '${bad.replace('.', '\\.')}'.*expected 'i/n' with 0 <= i < n`));
    });
  }
});

describe('shardItems', () => {
  it('gives item k to shard k mod n, so the shards partition the items', () => {
    const items = squarePlan(10).items;
    const shares = [0, 1, 2].map((index) => shardItems(items, { index, count: 3 }).map((item) => item.input.x));
    expect(shares).toEqual([[0, 3, 6, 9], [1, 4, 7], [2, 5, 8]]);
  });
});

describe('shards and merge', () => {
  it('three shards in three directories merge to the results of a single run', async () => {
    const plan = squarePlan(11);
    const single = await runPlan(plan, { workers: 1, taskModule, quiet: true });
    const shardDirs = [0, 1, 2].map((index) => dirs.make(`shard${index}`));
    for (const [index, storeDir] of shardDirs.entries()) {
      const outcome = await runPlan(plan, { workers: 2, taskModule, storeDir, shard: { index, count: 3 }, quiet: true });
      expect(outcome).toEqual({ complete: false, results: null });
    }
    const merged = mergeStores(shardDirs);
    expect(merged.plan).toEqual(plan);
    expect([...merged.results.keys()]).toEqual(plan.items.map((item) => item.id));
    expect(JSON.stringify([...merged.results.values()])).toBe(JSON.stringify(single.results));
  });

  it('shards may share one directory, as the cluster examples do, and each runs only its share', async () => {
    const markers = dirs.make('markers');
    const plan = squarePlan(7, { markerDir: markers });
    const shared = dirs.make('shared');
    for (const index of [0, 1, 2]) {
      await runPlan(plan, { workers: 1, taskModule, storeDir: shared, shard: { index, count: 3 }, quiet: true });
    }
    expect([...executionsByX(markers).values()]).toEqual(Array.from({ length: 7 }, () => 1));
    expect(mergeStores([shared]).results.size).toBe(7);
  });

  it('a missing shard is an error that counts and names the missing items', async () => {
    const plan = squarePlan(9);
    const storeDir = dirs.make('partial');
    for (const index of [0, 2]) {
      await runPlan(plan, { workers: 1, taskModule, storeDir, shard: { index, count: 3 }, quiet: true });
    }
    expect(() => mergeStores([storeDir])).toThrow(/cannot merge: 3 of 9 items have no result \(sq-0001, sq-0004, sq-0007\); .*--resume/);
  });

  it('stores of different plans do not merge, and the error names both hashes', async () => {
    const planA = squarePlan(3);
    const planB = squarePlan(4);
    const dirA = dirs.make('a');
    const dirB = dirs.make('b');
    await runPlan(planA, { workers: 1, taskModule, storeDir: dirA, quiet: true });
    await runPlan(planB, { workers: 1, taskModule, storeDir: dirB, quiet: true });
    expect(() => mergeStores([dirA, dirB])).toThrow(`${dirA} holds plan ${planA.planHash} (test) but ${dirB} holds plan ${planB.planHash} (test)`);
  });

  it('accepts identical duplicates and refuses conflicting ones', async () => {
    const plan = squarePlan(3);
    const first = dirs.make('first');
    await runPlan(plan, { workers: 1, taskModule, storeDir: first, quiet: true });
    const copy = dirs.make('copy');
    rmSync(copy, { recursive: true });
    cpSync(first, copy, { recursive: true });
    expect(mergeStores([first, copy]).results.get('sq-0002')).toEqual({ square: 4, half: 1, notANumber: null });
    const logs = path.join(copy, 'results');
    const log = path.join(logs, readdirSync(logs)[0]!);
    writeFileSync(log, readFileSync(log, 'utf8').replace(/"id":"sq-0002","result":\{"square":4/, '"id":"sq-0002","result":{"square":5'));
    expect(() => mergeStores([first, copy])).toThrow(/item 'sq-0002' has different results in .*\.jsonl and .*\.jsonl/);
  });

  it('refuses a directory that is not a results store', () => {
    const empty = dirs.make('empty');
    expect(() => mergeStores([empty])).toThrow(`${empty} has no plan.json; expected a results directory`);
    expect(() => mergeStores([])).toThrow(/merge got no results directories/);
  });
});

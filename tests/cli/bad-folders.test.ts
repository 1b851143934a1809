// Bad folders given to merge and report through the compiled CLI: a folder that holds no results,
// shards of two different plans, a folder without report-input.json, a missing positional argument.
// Each is refused by name and value, and the --out folder with earlier outputs keeps them.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, it } from 'vitest';
import { runCli, temporaryDir } from './helpers.js';
import { copyOf, earlierOutputs, expectRefusal, expectUnchanged, literal, runCliAsync, type EarlierOutputs } from './refusal.js';

let earlier: EarlierOutputs;
let notResults: string;
let shardOfBaseline: string;
let shardOfDullaert: string;

beforeAll(() => {
  earlier = earlierOutputs('bad-folders');
  notResults = temporaryDir('not-results');
  mkdirSync(path.join(notResults, '.thuiszit-work'));
  writeFileSync(path.join(notResults, 'notes.txt'), 'not a thuiszit folder\n');
  // Two shards of different plans (other scenarios), each a stored work folder as merge expects.
  shardOfBaseline = temporaryDir('shard-baseline');
  shardOfDullaert = temporaryDir('shard-dullaert');
  for (const [scenario, dir, shard] of [['baseline', shardOfBaseline, '0/2'], ['dullaert', shardOfDullaert, '1/2']] as const) {
    const made = runCli(['run', '--scenario', scenario, '--replications', '2', '--workers', '1', '--quiet', '--shard', shard, '--out', dir]);
    if (made.status !== 0) throw new Error(`shard run failed: ${made.stderr}`);
  }
});

describe('thuiszit merge refuses folders it cannot merge', () => {
  it.concurrent('a folder that is not a results folder', async () => {
    const out = copyOf(earlier, 'merge-not-results');
    const result = await runCliAsync(['merge', notResults, '--out', out.dir]);
    expectRefusal(result, [new RegExp(`${literal(notResults)}\\S* has no plan\\.json; expected a results directory written by a run with --out`)]);
    expectUnchanged(out);
  });

  it.concurrent('an earlier run\'s finished output folder (its work store is gone)', async () => {
    const out = copyOf(earlier, 'merge-finished');
    const source = copyOf(earlier, 'merge-finished-source');
    expectRefusal(await runCliAsync(['merge', source.dir, '--out', out.dir]), [new RegExp(`${literal(source.dir)} has no plan\\.json`)]);
    expectUnchanged(out);
    expectUnchanged(source);
  });

  it.concurrent('shards of two different plans, naming both plans', async () => {
    const out = copyOf(earlier, 'merge-two-plans');
    const result = await runCliAsync(['merge', shardOfBaseline, shardOfDullaert, '--out', out.dir]);
    expectRefusal(result, [
      new RegExp(`cannot merge: ${literal(shardOfBaseline)}/\\.thuiszit-work holds plan [0-9a-f]{64} \\(run\\) but ${literal(shardOfDullaert)}/\\.thuiszit-work holds plan [0-9a-f]{64}`),
      /expected every directory to hold the same plan/,
    ]);
    expectUnchanged(out);
  });

  it.concurrent('no folders, naming the missing <dirs>', async () => {
    const out = copyOf(earlier, 'merge-no-dirs');
    expectRefusal(await runCliAsync(['merge', '--out', out.dir]), [/merge: missing <dirs> \(usage: thuiszit merge <dirs\.\.>\)/]);
    expectUnchanged(out);
  });

  it.concurrent('no --out', async () => {
    expectRefusal(await runCliAsync(['merge', shardOfBaseline]), [/Missing required argument: out/]);
  });
});

describe('thuiszit report refuses a folder without report-input.json', () => {
  it.concurrent('with --out: the earlier outputs there stay', async () => {
    const out = copyOf(earlier, 'report-out');
    const result = await runCliAsync(['report', notResults, '--out', out.dir]);
    expectRefusal(result, [
      new RegExp(`<dir>: expected a folder written by thuiszit run, compare, sensitivity or calibrate \\(it has no report-input\\.json\\), got "${literal(notResults)}"`),
    ]);
    expectUnchanged(out);
  });

  it.concurrent('without --out: the folder itself stays', async () => {
    const source = copyOf(earlier, 'report-source');
    // A results folder with its report input removed, as when a user deletes it by hand.
    const before = new Map(source.before);
    before.delete('report-input.json');
    rmSync(path.join(source.dir, 'report-input.json'));
    expectRefusal(await runCliAsync(['report', source.dir]), [/<dir>: expected a folder written by thuiszit run/, new RegExp(`got "${literal(source.dir)}"`)]);
    expectUnchanged({ dir: source.dir, before });
  });

  it.concurrent('no folder, naming the missing <dir>', async () => {
    expectRefusal(await runCliAsync(['report']), [/report: missing <dir> \(usage: thuiszit report <dir>\)/]);
  });
});

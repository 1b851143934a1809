// Shards on a cluster plus `thuiszit merge` must give exactly the bytes of a single run, and a
// stopped run resumed with --resume must too.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeCommand } from '../../analysis/commands/merge.js';
import { runScenarioCommand } from '../../analysis/commands/scenario-commands.js';
import { sensitivityCommand } from '../../analysis/commands/sensitivity.js';
import { readResultLogs } from '../../analysis/execution/result-log.js';
import { quietExecution, reproducibleOutputs, temporaryDir } from './helpers.js';

const compareOptions = {
  scenarios: ['baseline', 'care-priority'], sets: [], goals: [], replications: 3, seed: 11, episodes: true, report: false, command: 'test',
};

describe('shards and merge', () => {
  it('merging three shards of a compare gives the single run\'s bytes, episodes included', async () => {
    const single = temporaryDir('single');
    await runScenarioCommand('compare', { ...compareOptions, out: single, execution: quietExecution });
    const shared = temporaryDir('shards');
    for (let index = 0; index < 3; index++) {
      const result = await runScenarioCommand('compare', { ...compareOptions, out: shared, execution: { ...quietExecution, shard: { index, count: 3 } } });
      expect(result.complete).toBe(false);
    }
    const merged = temporaryDir('merged');
    await mergeCommand({ dirs: [shared], out: merged, report: false, command: 'test merge' });
    expect(reproducibleOutputs(merged)).toEqual(reproducibleOutputs(single));
  });

  it('merges into a folder that does not exist yet, report included, with the single run\'s bytes', async () => {
    const options = { ...compareOptions, replications: 2, episodes: false, report: true };
    const single = temporaryDir('report-single');
    await runScenarioCommand('compare', { ...options, out: single, execution: quietExecution });
    const shared = temporaryDir('report-shards');
    for (let index = 0; index < 2; index++) {
      await runScenarioCommand('compare', { ...options, out: shared, execution: { ...quietExecution, shard: { index, count: 2 } } });
    }
    const merged = path.join(temporaryDir('report-merged'), 'not', 'yet', 'there');
    const files = await mergeCommand({ dirs: [shared], out: merged, report: true, command: 'test merge' });
    expect(files).toContain(path.join(merged, 'report.html'));
    const a = reproducibleOutputs(single);
    expect([...a.keys()]).toContain('report.html');
    expect(reproducibleOutputs(merged)).toEqual(a);
  });

  it('refuses to merge while a shard is missing, naming how many items lack a result', async () => {
    const shared = temporaryDir('partial');
    await runScenarioCommand('compare', { ...compareOptions, out: shared, execution: { ...quietExecution, shard: { index: 0, count: 2 } } });
    const merged = temporaryDir('merged-partial');
    await expect(mergeCommand({ dirs: [shared], out: merged, report: false, command: 'test' })).rejects.toThrow(/3 of 6 items have no result/);
    expect(readdirSync(merged)).toEqual([]);
  });

  it('a sensitivity study split in two shards merges into the single run\'s indices', async () => {
    const options = {
      scenario: 'baseline', sets: [], params: ['school.mdtCadenceWeeks=2:6', 'care.ggz.capacity=30:60'], method: 'oat', samples: 1,
      replications: 2, seed: 3, metrics: ['median_weeks_to_offer', 'care_wait_weeks.ggz'], report: false, command: 'test',
    };
    const single = temporaryDir('sens-single');
    await sensitivityCommand({ ...options, out: single, execution: quietExecution });
    const shards = [temporaryDir('sens-a'), temporaryDir('sens-b')];
    for (const [index, out] of shards.entries()) {
      await sensitivityCommand({ ...options, out, execution: { ...quietExecution, shard: { index, count: 2 } } });
    }
    // A folder that does not exist yet: merge makes it.
    const merged = path.join(temporaryDir('sens-merged'), 'new');
    await mergeCommand({ dirs: shards, out: merged, report: false, command: 'test merge' });
    const a = reproducibleOutputs(single);
    expect([...a.keys()]).toEqual(['.thuiszit-complete.json', 'points.csv', 'report-input.json', 'sensitivity.csv', 'sensitivity.json']);
    expect(reproducibleOutputs(merged)).toEqual(a);
  });

  it('resume after a stop runs only what is missing and ends with the same bytes', async () => {
    const single = temporaryDir('resume-single');
    await runScenarioCommand('compare', { ...compareOptions, out: single, execution: quietExecution });
    const out = temporaryDir('resume');
    // A stop part-way: one shard's items are stored, the rest are not.
    await runScenarioCommand('compare', { ...compareOptions, out, execution: { ...quietExecution, shard: { index: 1, count: 2 } } });
    const stored = readResultLogs(path.join(out, '.thuiszit-work')).length;
    expect(stored).toBe(3);
    await runScenarioCommand('compare', { ...compareOptions, out, execution: { ...quietExecution, resume: true } });
    expect(reproducibleOutputs(out)).toEqual(reproducibleOutputs(single));
    expect(existsSync(path.join(out, '.thuiszit-work'))).toBe(false);
    rmSync(out, { recursive: true, force: true });
  });

  it('never deletes the stored work of another plan: a different command into the same folder is refused', async () => {
    const out = temporaryDir('other-plan');
    await runScenarioCommand('compare', { ...compareOptions, out, execution: { ...quietExecution, shard: { index: 0, count: 2 } } });
    const before = readdirSync(path.join(out, '.thuiszit-work', 'results')).sort();
    await expect(
      runScenarioCommand('compare', { ...compareOptions, replications: 2, out, execution: quietExecution }),
    ).rejects.toThrow(/refusing to write in .*\.thuiszit-work: it holds results of plan [0-9a-f]{64} \(compare\).*delete .*\.thuiszit-work to discard/);
    expect(readdirSync(path.join(out, '.thuiszit-work', 'results')).sort()).toEqual(before);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { executeItems, WorkItemError } from '../../analysis/execution/pool.js';
import type { WorkItem } from '../../analysis/execution/work-item.js';
import { fixtureTask, temporaryDirectories, type SquareInput } from './helpers.js';

const dirs = temporaryDirectories();
afterEach(() => dirs.removeAll());

// Early items take longest, so on several workers they finish after later ones: the returned order
// can then only be right if the pool puts results back in item order.
function staggeredItems(count: number): WorkItem<SquareInput>[] {
  return Array.from({ length: count }, (_, k) => ({ id: `item-${k}`, input: { x: k, delayMs: (count - k) * 3 } }));
}

describe('executeItems', () => {
  it('returns results in item order, byte-identical for 1, 2 and 3 workers', async () => {
    const items = staggeredItems(9);
    const outputs: string[] = [];
    for (const workers of [1, 2, 3]) {
      const finished: string[] = [];
      const results = await executeItems(items, {
        workers,
        taskModule: fixtureTask('square.mjs'),
        onResult: (item) => finished.push(item.id),
      });
      expect(finished.slice().sort()).toEqual(items.map((item) => item.id).sort());
      outputs.push(JSON.stringify(results));
    }
    expect(JSON.parse(outputs[0]!)).toEqual(items.map((_, k) => ({ square: k * k, half: k / 2, notANumber: null })));
    expect(outputs[1]).toBe(outputs[0]);
    expect(outputs[2]).toBe(outputs[0]);
  });

  it('gives the task a copy of the input, so a mutating task leaves the items alone', async () => {
    const items = staggeredItems(3);
    await executeItems(items, { workers: 1, taskModule: fixtureTask('square.mjs') });
    expect(items.map((item) => item.input.x)).toEqual([0, 1, 2]);
  });

  it('reports progress up to the total', async () => {
    const ticks: Array<[number, number]> = [];
    await executeItems(staggeredItems(4), {
      workers: 2,
      taskModule: pathToFileURL(fixtureTask('square.mjs')).href,
      onProgress: (done, total) => ticks.push([done, total]),
    });
    expect(ticks).toEqual([[1, 4], [2, 4], [3, 4], [4, 4]]);
  });

  for (const workers of [1, 2]) {
    it(`rejects with the failing item's id and message (workers=${workers})`, async () => {
      const items = staggeredItems(5).map((item) => (item.id === 'item-3' ? { ...item, input: { ...item.input, fail: true } } : item));
      const run = executeItems(items, { workers, taskModule: fixtureTask('square.mjs') });
      await expect(run).rejects.toThrow(WorkItemError);
      await expect(run).rejects.toThrow("work item 'item-3' failed: square refuses x=3 on purpose");
      const error = (await run.catch((caught: unknown) => caught)) as WorkItemError;
      expect(error.itemId).toBe('item-3');
      expect(error.taskStack).toContain('square.mjs');
    });
  }

  it('rejects with the item id when a worker thread dies mid-item', async () => {
    const items = [{ id: 'fine-0', input: { exit: false } }, { id: 'dies-1', input: { exit: true } }];
    await expect(executeItems(items, { workers: 2, taskModule: fixtureTask('exit-worker.mjs') })).rejects.toThrow(
      /worker thread \d exited with code 3 while running item 'dies-1'/,
    );
  });

  it('rejects a result that JSON cannot hold, naming the item', async () => {
    const items = [{ id: 'empty-1', input: {} }];
    await expect(executeItems(items, { workers: 2, taskModule: fixtureTask('async-undefined.mjs') })).rejects.toThrow(
      /work item 'empty-1' failed: result of work item 'empty-1' is undefined/,
    );
  });

  it('rejects a task module without execute, in a thread and in workers', async () => {
    const items = [{ id: 'a', input: {} }, { id: 'b', input: {} }];
    await expect(executeItems(items, { workers: 1, taskModule: fixtureTask('no-execute.mjs') })).rejects.toThrow(/exports execute as undefined/);
    await expect(executeItems(items, { workers: 2, taskModule: fixtureTask('no-execute.mjs') })).rejects.toThrow(
      /worker could not load the task module .*exports execute as undefined/,
    );
  });

  it('rejects bad options with the option name and value', async () => {
    await expect(executeItems([], { workers: 0, taskModule: fixtureTask('square.mjs') })).rejects.toThrow('workers is 0; expected a whole number of at least 1');
    await expect(executeItems([], { workers: 1, taskModule: 'tasks/square.mjs' })).rejects.toThrow(
      "taskModule is 'tasks/square.mjs'; expected an absolute path or a file: URL",
    );
  });
});

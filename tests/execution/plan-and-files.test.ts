import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../../analysis/execution/atomic-write.js';
import { canonicalJson } from '../../scenarios/canonical.js';
import { createPlan } from '../../analysis/execution/work-item.js';
import { temporaryDirectories } from './helpers.js';

const dirs = temporaryDirectories();
afterEach(() => dirs.removeAll());

describe('createPlan', () => {
  it('hashes content, not key order', () => {
    const a = createPlan('run', { seed: 1, replications: 2 }, [{ id: 'r0', input: { seed: 1, scenario: 'baseline' } }]);
    const b = createPlan('run', { replications: 2, seed: 1 }, [{ id: 'r0', input: { scenario: 'baseline', seed: 1 } }]);
    const c = createPlan('run', { replications: 3, seed: 1 }, [{ id: 'r0', input: { scenario: 'baseline', seed: 1 } }]);
    expect(a.planHash).toMatch(/^[0-9a-f]{64}$/);
    expect(b.planHash).toBe(a.planHash);
    expect(c.planHash).not.toBe(a.planHash);
  });

  it('hands back the canonical form, as plan.json holds it, so a run and a merge see the same key order', () => {
    const options = { seed: 1, nested: { z: 1, a: [{ d: 1, c: 2 }] }, gone: undefined };
    const input = { scenario: { name: 'x', care: { slots: 3, budget: 2 } }, seed: 1 };
    const plan = createPlan('run', options, [{ id: 'r0', input }]);
    expect(JSON.stringify(plan.options)).toBe('{"nested":{"a":[{"c":2,"d":1}],"z":1},"seed":1}');
    expect(JSON.stringify(plan.items)).toBe('[{"id":"r0","input":{"scenario":{"care":{"budget":2,"slots":3},"name":"x"},"seed":1}}]');
    // A copy: later changes to the caller's objects cannot reach the plan (or its hash).
    input.seed = 2;
    expect(plan.items[0]?.input.seed).toBe(1);
  });

  it('refuses ids that are not unique or not filename-safe', () => {
    expect(() => createPlan('run', {}, [{ id: 'r0', input: 1 }, { id: 'r0', input: 2 }])).toThrow("work item 1 has id 'r0', which an earlier item already has");
    for (const id of ['', '.hidden', '../up', 'a/b', 'with space']) {
      expect(() => createPlan('run', {}, [{ id, input: 1 }])).toThrow(`work item 0 has id ${JSON.stringify(id)}; expected 1-200 characters`);
    }
  });

  it('refuses values JSON cannot carry, naming where they are', () => {
    expect(() => createPlan('run', { rate: Number.NaN }, [])).toThrow('plan value at $.options.rate is NaN; expected a finite number');
    expect(() => createPlan('run', {}, [{ id: 'r0', input: new Map() }])).toThrow('plan value at $.items[0].input is a Map');
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined properties', () => {
    expect(canonicalJson({ b: [{ d: 1, c: 2 }], a: undefined, e: null })).toBe('{"b":[{"c":2,"d":1}],"e":null}');
  });
});

describe('writeFileAtomic', () => {
  it('replaces the file whole and removes its temporary file when the rename fails', () => {
    const dir = dirs.make('atomic');
    const file = path.join(dir, 'result.json');
    writeFileAtomic(file, 'first\n');
    writeFileAtomic(file, 'second\n');
    expect(readdirSync(dir)).toEqual(['result.json']);
    // A non-empty directory in the way makes the rename fail after the temporary file was written.
    const blocked = path.join(dir, 'blocked.json');
    mkdirSync(blocked);
    writeFileSync(path.join(blocked, 'keep'), '');
    expect(() => writeFileAtomic(blocked, 'text')).toThrow();
    expect(readdirSync(dir).sort()).toEqual(['blocked.json', 'result.json']);
  });
});

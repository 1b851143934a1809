import { describe, expect, it } from 'vitest';
import { numericLeaves, numericParam, provenanceWithFallback, withNumericParams } from '../../scenarios/numeric-leaves.js';
import { scenarioErrorOf } from './scenario-error-helper.js';
import { testSchema } from './test-schema.js';

const defaults = testSchema.parse({});

describe('numeric leaves', () => {
  it('finds every number, inside distributions, lists and tuples, in path order', () => {
    const scenario = testSchema.parse({ byRegion: { zuid: 2, noord: 1 }, limit: 4, points: [[0, 0], [1, 0.5], [2, 1], [3, 1], [4, 1], [5, 1], [6, 1], [7, 1], [8, 1], [9, 1], [10, 1]] });
    const paths = numericLeaves(scenario).map((leaf) => leaf.path);
    expect(paths).toContain('care.ggz.wait.mean');
    expect(paths).toContain('byRegion.noord');
    expect(paths).toContain('points.10.1');
    expect(paths).toContain('limit');
    expect(paths).not.toContain('name');
    // Indices sort numerically: points.2 before points.10.
    expect(paths.indexOf('points.2.0')).toBeLessThan(paths.indexOf('points.10.0'));
    expect(paths.filter((p) => p.startsWith('byRegion'))).toEqual(['byRegion.noord', 'byRegion.zuid']);
    expect(numericLeaves(defaults)).toEqual([
      { path: 'care.ggz.capacity', value: 10 },
      { path: 'care.ggz.wait.mean', value: 4 },
      { path: 'points.0.0', value: 0 },
      { path: 'points.0.1', value: 0 },
      { path: 'points.1.0', value: 1 },
      { path: 'points.1.1', value: 1 },
      { path: 'shares.0', value: 0.5 },
      { path: 'shares.1', value: 0.5 },
      { path: 'years', value: 1 },
    ]);
  });

  it('falls back from a path to its wildcard form and then to enclosing fields', () => {
    const table: Record<string, string> = { 'care.ggz.wait': 'seed 004 6.7', 'points.*.1': 'assumption: linear', years: 'seed 001 2' };
    const lookup = (path: string) => table[path];
    expect(provenanceWithFallback('years', lookup)).toBe('seed 001 2');
    expect(provenanceWithFallback('care.ggz.wait.mean', lookup)).toBe('seed 004 6.7');
    expect(provenanceWithFallback('points.3.1', lookup)).toBe('assumption: linear');
    expect(provenanceWithFallback('points.3.0', lookup)).toBeUndefined();
  });
});

describe('reading and writing parameters by path', () => {
  it('reads a number and rejects other paths', () => {
    expect(numericParam(defaults, 'care.ggz.wait.mean')).toBe(4);
    expect(scenarioErrorOf(() => numericParam(defaults, 'care.ggz.cap')).message).toBe(
      "care.ggz.cap: unknown parameter path 'care.ggz.cap'",
    );
    expect(scenarioErrorOf(() => numericParam(defaults, 'care.mode')).message).toBe(
      'care.mode: expected the path of a numeric parameter, not of a field holding something else, got "separate"',
    );
  });

  it('returns a validated copy and leaves the original alone', () => {
    const changed = withNumericParams(testSchema, defaults, { 'care.ggz.capacity': 3, 'points.1.0': 2, 'shares.1': 0.25 });
    expect(changed.care.ggz.capacity).toBe(3);
    expect(changed.points[1]).toEqual([2, 1]);
    expect(changed.shares).toEqual([0.5, 0.25]);
    expect(defaults.care.ggz.capacity).toBe(10);
  });

  it('rejects unknown paths, non-numeric targets and values the schema forbids', () => {
    expect(scenarioErrorOf(() => withNumericParams(testSchema, defaults, { 'care.ggz.nope': 1 })).path).toBe('care.ggz.nope');
    expect(scenarioErrorOf(() => withNumericParams(testSchema, defaults, { 'care.ggz.wait.type': 1 })).path).toBe('care.ggz.wait.type');
    expect(scenarioErrorOf(() => withNumericParams(testSchema, defaults, { 'care.ggz.capacity': -1 })).message).toBe(
      'care.ggz.capacity: expected a number >= 0, got -1',
    );
  });

  it('settles a whole-number parameter on the nearest whole value, as continuous designs need', () => {
    expect(withNumericParams(testSchema, defaults, { years: 2.5 }).years).toBe(3);
    expect(withNumericParams(testSchema, defaults, { years: 2.4 }).years).toBe(2);
    expect(withNumericParams(testSchema, defaults, { 'shares.1': 0.25 }).shares[1]).toBe(0.25);
  });
});

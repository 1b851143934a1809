import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioErrorOf } from './scenario-error-helper.js';
import { testLoader, writeTree } from './test-schema.js';

function setup() {
  const root = writeTree({ 'builtin/base.yaml': 'care: {ggz: {capacity: 5}}\n', 'child.yaml': 'extends: base\nyears: 2\n' });
  const loader = testLoader(root);
  return { load: (sets: readonly string[]) => loader.load(path.join(root, 'child.yaml'), sets) };
}

describe('--set overrides', () => {
  it('reads numbers, booleans and strings as YAML scalars and records them as stated', () => {
    const loaded = setup().load(['care.ggz.capacity=12', 'flags.enabled=true', 'care.mode=bundled', 'limit=2.5', 'name=variant']);
    expect(loaded.scenario.care.ggz.capacity).toBe(12);
    expect(loaded.scenario.flags.enabled).toBe(true);
    expect(loaded.scenario.care.mode).toBe('bundled');
    expect(loaded.scenario.limit).toBe(2.5);
    expect(loaded.name).toBe('variant');
    expect(loaded.stated).toEqual({
      name: 'variant',
      years: 2,
      care: { ggz: { capacity: 12 }, mode: 'bundled' },
      flags: { enabled: true },
      limit: 2.5,
    });
  });

  it('applies later overrides over earlier ones and changes the fingerprint', () => {
    const { load } = setup();
    const plain = load([]);
    const twice = load(['years=3', 'years=4']);
    expect(twice.scenario.years).toBe(4);
    expect(twice.sha256).not.toBe(plain.sha256);
    expect(load(['years=4']).sha256).toBe(twice.sha256);
  });

  it('reaches into distributions, records and defaulted lists', () => {
    const loaded = setup().load(['care.ggz.wait.mean=7', 'byRegion.zuid=2', 'points.1.0=5', 'shares.0=0.25']);
    expect(loaded.scenario.care.ggz.wait).toEqual({ type: 'exponential', mean: 7 });
    expect(loaded.scenario.byRegion).toEqual({ zuid: 2 });
    // The list was not stated: the override edits the default list instead of leaving holes.
    expect(loaded.scenario.points).toEqual([
      [0, 0],
      [5, 1],
    ]);
    expect(loaded.scenario.shares).toEqual([0.25, 0.5]);
  });

  it('rejects a path the schema does not have, naming it and the keys there are', () => {
    const error = scenarioErrorOf(() => setup().load(['care.ggz.capacty=3']));
    expect(error.path).toBe('--set care.ggz.capacty');
    expect(error.value).toBe(3);
    expect(error.message).toBe(
      "--set care.ggz.capacty: unknown path 'care.ggz.capacty' ('capacty' is not a field under care.ggz); keys under care.ggz: capacity, wait",
    );
    expect(scenarioErrorOf(() => setup().load(['extends=other'])).message).toContain("'extends' is not a field at the top level");
    expect(scenarioErrorOf(() => setup().load(['shares.x=1'])).path).toBe('--set shares.x');
  });

  it('rejects text without path=value', () => {
    for (const text of ['years', '=3', 'care..mode=x']) {
      const error = scenarioErrorOf(() => setup().load([text]));
      expect(error.message).toBe(`--set ${text}: expected path=value, for example care.ggz.capacity=12, got ${JSON.stringify(text)}`);
    }
  });

  it('blames the override for an invalid value, with path, value and expectation', () => {
    const error = scenarioErrorOf(() => setup().load(['care.ggz.capacity=-3']));
    expect(error.message).toBe('--set care.ggz.capacity=-3: care.ggz.capacity: expected a number >= 0, got -3');
    expect(scenarioErrorOf(() => setup().load(['years=many'])).message).toBe('--set years=many: years: expected a number, got "many"');
    expect(scenarioErrorOf(() => setup().load(['care.mode=mixed'])).message).toContain("expected one of 'separate', 'bundled'");
  });
});

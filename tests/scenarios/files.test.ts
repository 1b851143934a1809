import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Of } from '../../scenarios/canonical.js';
import { deepMerge } from '../../scenarios/merge.js';
import { builtinScenarioDir, packageRoot } from '../../scenarios/files.js';
import { scenarioFileJsonSchema } from '../../scenarios/json-schema.js';
import { testSchema } from './test-schema.js';

describe('package files', () => {
  it('finds the package root and its scenarios folder from the source tree', () => {
    const root = packageRoot();
    expect(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).name).toBe('thuiszit');
    expect(builtinScenarioDir()).toBe(path.join(root, 'scenarios'));
    expect(existsSync(builtinScenarioDir())).toBe(true);
  });
});

describe('merging and fingerprints', () => {
  it('merges mappings deeply and replaces lists, scalars and null, without touching its inputs', () => {
    const base = { a: { b: 1, c: [1, 2] }, d: 'x', e: { f: 1 } };
    const merged = deepMerge(base, { a: { c: [3] }, d: null, e: 5 });
    expect(merged).toEqual({ a: { b: 1, c: [3] }, d: null, e: 5 });
    expect(base).toEqual({ a: { b: 1, c: [1, 2] }, d: 'x', e: { f: 1 } });
  });

  it('writes canonical JSON with sorted keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[{"y":2,"z":1}]},"b":1}');
    expect(sha256Of({ b: 1, a: 2 })).toBe(sha256Of({ a: 2, b: 1 }));
    // Known answer: sha256 of the string {"a":1}.
    expect(sha256Of({ a: 1 })).toBe('015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862');
  });
});

describe('JSON Schema of a scenario file', () => {
  it('describes the input side, so defaulted fields are optional, and allows extends', () => {
    const json = scenarioFileJsonSchema(testSchema);
    const properties = json['properties'] as Record<string, Record<string, unknown>>;
    expect(Object.keys(properties).sort()).toEqual(['byRegion', 'care', 'description', 'extends', 'flags', 'limit', 'name', 'points', 'shares', 'years']);
    expect(properties['extends']?.['type']).toBe('string');
    expect(json['required'] ?? []).toEqual([]);
    expect(json['additionalProperties']).toBe(false);
    expect(properties['years']).toMatchObject({ type: 'integer', minimum: 1, maximum: 20, default: 1 });
  });
});

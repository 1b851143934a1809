// Every message must let someone fix the file without reading code: the file, the field, the value found
// and what was expected.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeValue, scenarioErrorFromZod, ScenarioError } from '../../scenarios/errors.js';
import { scenarioErrorOf } from './scenario-error-helper.js';
import { testLoader, writeTree } from './test-schema.js';

function loadText(text: string) {
  // A built-in is named by its bare file name, which keeps the expected messages free of temp folders.
  const root = writeTree({ 'builtin/bad.yaml': text });
  return scenarioErrorOf(() => testLoader(root).load('bad'));
}

describe('validation messages', () => {
  it('names an unknown key, its value and the known keys', () => {
    const error = loadText('care:\n  ggz:\n    capacty: 12\n');
    expect(error.path).toBe('care.ggz.capacty');
    expect(error.value).toBe(12);
    expect(error.message).toBe("bad.yaml: care.ggz.capacty: unknown key 'capacty' (value 12); expected one of the known keys: capacity, wait");
  });

  it('names a wrong type', () => {
    const error = loadText('care: {ggz: {capacity: ten}}\n');
    expect(error.message).toBe('bad.yaml: care.ggz.capacity: expected a number, got "ten"');
    expect(error.expected).toBe('a number');
    expect(error.value).toBe('ten');
  });

  it('names ranges, integers and list sizes', () => {
    expect(loadText('care: {ggz: {capacity: -3}}\n').message).toBe('bad.yaml: care.ggz.capacity: expected a number >= 0, got -3');
    expect(loadText('years: 21\n').message).toBe('bad.yaml: years: expected a number <= 20, got 21');
    expect(loadText('years: 1.5\n').message).toBe('bad.yaml: years: expected an integer, got 1.5');
    expect(loadText('shares: [0.5, 1.5]\n').message).toBe('bad.yaml: shares.1: expected a number <= 1, got 1.5');
    expect(loadText('points: [[1, 2, 3]]\n').message).toBe('bad.yaml: points.0: expected a list of at most 2 items, got [1,2,3]');
    expect(loadText('care: {ggz: {wait: {type: exponential, mean: 0}}}\n').message).toBe(
      'bad.yaml: care.ggz.wait.mean: expected a number > 0, got 0',
    );
  });

  it('names enum options', () => {
    expect(loadText('care: {mode: mixed}\n').message).toBe("bad.yaml: care.mode: expected one of 'separate', 'bundled', got \"mixed\"");
  });

  it('lists what each form of a union accepts', () => {
    expect(loadText('limit: lots\n').message).toBe("bad.yaml: limit: expected a number or 'none', got \"lots\"");
    expect(loadText('care: {ggz: {wait: {type: normal, mean: 1}}}\n').message).toBe(
      "bad.yaml: care.ggz.wait.type: expected one of 'fixed', 'exponential', 'gamma', got \"normal\"",
    );
  });

  it('reports the closest form of a distribution', () => {
    expect(loadText('care: {ggz: {wait: {type: gamma, shape: 2, scale: x}}}\n').message).toBe(
      'bad.yaml: care.ggz.wait.scale: expected a number, got "x"',
    );
    // The hint lists the fields of the form the tag picks, not of every form.
    expect(loadText('care: {ggz: {wait: {type: fixed, value: 1, mean: 2}}}\n').message).toBe(
      "bad.yaml: care.ggz.wait.mean: unknown key 'mean' (value 2); expected one of the known keys: type, value",
    );
    expect(loadText('care: {ggz: {wait: {type: gamma, shape: 1, scale: 1, sd: 2}}}\n').message).toBe(
      "bad.yaml: care.ggz.wait.sd: unknown key 'sd' (value 2); expected one of the known keys: scale, shape, type",
    );
  });

  it('names a missing nested value as nothing and a wrong container type', () => {
    expect(loadText('care: 3\n').message).toBe('bad.yaml: care: expected a mapping of fields, got 3');
    expect(loadText('care: {ggz: {wait: {type: gamma, shape: 2}}}\n').message).toBe('bad.yaml: care.ggz.wait.scale: expected a number, got nothing');
  });

  it('lists every problem, one per line, with the first in the fields', () => {
    const error = loadText('years: 0\ncare: {mode: mixed}\nflags: {enabled: yes please}\n');
    expect(error.path).toBe('years');
    expect(error.message.split('\n')).toEqual([
      'bad.yaml: years: expected a number >= 1, got 0',
      "bad.yaml: care.mode: expected one of 'separate', 'bundled', got \"mixed\"",
      'bad.yaml: flags.enabled: expected true or false, got "yes please"',
    ]);
  });

  it('accepts any key in a record but checks its value', () => {
    const root = writeTree({ 'r.yaml': 'byRegion: {noord: 3, zuid: 1}\n' });
    expect(testLoader(root).load(path.join(root, 'r.yaml')).scenario.byRegion).toEqual({ noord: 3, zuid: 1 });
    expect(loadText('byRegion: {noord: -3}\n').message).toBe(
      'bad.yaml: byRegion.noord: expected a number >= 0, got -3',
    );
  });
});

describe('YAML syntax', () => {
  it('gives line and column', () => {
    const error = loadText('years: 2\ncare:\n  mode: [separate\n');
    expect(error.file).toBe('bad.yaml');
    expect(error.line).toBeGreaterThanOrEqual(3);
    expect(error.message).toMatch(/^bad\.yaml:\d+:\d+: invalid YAML/);
  });

  it('rejects a duplicate key', () => {
    const error = loadText('years: 2\nyears: 3\n');
    expect(error.line).toBe(2);
    expect(error.message).toMatch(/^bad\.yaml:2:1: invalid YAML \(DUPLICATE_KEY\)/);
  });

  it('rejects a document that is not a mapping', () => {
    expect(loadText('- years: 2\n').message).toBe('bad.yaml: expected a mapping of scenario fields (key: value lines), got [{"years":2}]');
  });
});

describe('the zod formatter on its own', () => {
  const schema = z.strictObject({
    items: z.array(z.number()).min(2),
    code: z.string().regex(/^[A-Z]+$/),
    even: z.number().multipleOf(2),
    total: z.number().refine((x) => x !== 13, 'unlucky total'),
  });

  it('words list sizes, formats, multiples and refinements', () => {
    const input = { items: [1], code: 'ab', even: 3, total: 13 };
    const result = schema.safeParse(input);
    expect(result.success).toBe(false);
    if (result.success) return;
    const error = scenarioErrorFromZod(result.error, { input, all: true });
    expect(error.message.split('\n')).toEqual([
      'items: expected a list of at least 2 items, got [1]',
      'code: expected a string in the pattern /^[A-Z]+$/, got "ab"',
      'even: expected a multiple of 2, got 3',
      'total: unlucky total (got 13)',
    ]);
    const first = scenarioErrorFromZod(result.error, { input, fileOf: () => 'x.yaml' });
    expect(first.message).toBe('x.yaml: items: expected a list of at least 2 items, got [1]');
  });

  it('keeps long values short', () => {
    expect(describeValue('x'.repeat(200))).toHaveLength(80);
    expect(describeValue(undefined)).toBe('nothing');
    expect(describeValue(null)).toBe('null');
    expect(new ScenarioError({ path: 'a.b', value: 1, expected: 'two' }).message).toBe('a.b: expected two, got 1');
  });
});

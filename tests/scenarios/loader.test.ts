import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioErrorOf } from './scenario-error-helper.js';
import { testLoader, testSchema, writeTree } from './test-schema.js';

describe('loading one file', () => {
  it('fills defaults, names the scenario after its file and keeps what the file states', () => {
    const root = writeTree({ 'mine.yaml': 'care:\n  ggz:\n    capacity: 3\n' });
    const loaded = testLoader(root).load(path.join(root, 'mine.yaml'));
    expect(loaded.name).toBe('mine');
    expect(loaded.scenario.name).toBe('mine');
    expect(loaded.scenario.care.ggz.capacity).toBe(3);
    expect(loaded.scenario.care.ggz.wait).toEqual({ type: 'exponential', mean: 4 });
    expect(loaded.scenario.shares).toEqual([0.5, 0.5]);
    expect(loaded.sourcePath).toBe(path.join(root, 'mine.yaml'));
    expect(loaded.stated).toEqual({ care: { ggz: { capacity: 3 } } });
    expect(loaded.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("uses the file's own name field", () => {
    const root = writeTree({ 'file.yml': 'name: Regio Noord\n' });
    expect(testLoader(root).load(path.join(root, 'file.yml')).name).toBe('Regio Noord');
  });

  it('reads JSON files and treats an empty file as all defaults', () => {
    const root = writeTree({ 'a.json': '{"years": 3, "flags": {"enabled": true}}', 'empty.yaml': '' });
    const loader = testLoader(root);
    const fromJson = loader.load(path.join(root, 'a.json')).scenario;
    expect(fromJson.years).toBe(3);
    expect(fromJson.flags.enabled).toBe(true);
    expect(loader.load(path.join(root, 'empty.yaml')).scenario).toEqual(testSchema.parse({ name: 'empty' }));
  });

  it('resolves a bare name to a built-in and lists the built-ins', () => {
    const root = writeTree({ 'builtin/base.yaml': 'years: 4\n', 'builtin/other.yml': '', 'builtin/notes.txt': 'x' });
    const loader = testLoader(root);
    expect(loader.listBuiltin()).toEqual(['base', 'other']);
    expect(loader.load('base').scenario.years).toBe(4);
    expect(loader.load('base').sourcePath).toBe(path.join(root, 'builtin', 'base.yaml'));
  });

  it('rejects an unknown built-in name, listing the ones there are', () => {
    const root = writeTree({ 'builtin/base.yaml': '' });
    const error = scenarioErrorOf(() => testLoader(root).load('bsae'));
    expect(error.path).toBe('scenario');
    expect(error.value).toBe('bsae');
    expect(error.message).toContain('"bsae"');
    expect(error.message).toContain('built-in scenario (base)');
  });

  it('rejects a missing file and a file with another extension', () => {
    const root = writeTree({ 'notes.txt': 'years: 1' });
    expect(scenarioErrorOf(() => testLoader(root).load(path.join(root, 'nope.yaml'))).message).toContain('file not found');
    expect(scenarioErrorOf(() => testLoader(root).load(path.join(root, 'notes.txt'))).message).toContain('.yaml, .yml or .json');
  });

  it('gives the same fingerprint whatever the key order, and another one for other values', () => {
    const root = writeTree({ 'a.yaml': 'years: 2\ncare: {mode: bundled}\nname: x\n', 'b.yaml': 'name: x\ncare: {mode: bundled}\nyears: 2\n', 'c.yaml': 'name: x\nyears: 3\n' });
    const loader = testLoader(root);
    const [a, b, c] = ['a', 'b', 'c'].map((n) => loader.load(path.join(root, `${n}.yaml`)).sha256);
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });
});

describe('extends', () => {
  it('merges mappings key by key and replaces lists and scalars', () => {
    const root = writeTree({
      'builtin/base.yaml': 'name: base\nyears: 5\ncare:\n  ggz: {capacity: 20, wait: {type: fixed, value: 2}}\n  mode: bundled\nshares: [0.2, 0.8]\n',
      'child.yaml': 'extends: base\ncare:\n  ggz: {capacity: 7}\nshares: [1]\n',
    });
    const loaded = testLoader(root).load(path.join(root, 'child.yaml'));
    expect(loaded.scenario.years).toBe(5);
    expect(loaded.scenario.care).toEqual({ ggz: { capacity: 7, wait: { type: 'fixed', value: 2 } }, mode: 'bundled' });
    expect(loaded.scenario.shares).toEqual([1]);
    // A name belongs to one file: the child does not inherit 'base'.
    expect(loaded.name).toBe('child');
    expect(loaded.stated).toEqual({ years: 5, care: { ggz: { capacity: 7, wait: { type: 'fixed', value: 2 } }, mode: 'bundled' }, shares: [1] });
  });

  it('replaces a whole distribution when the child switches its type', () => {
    const root = writeTree({
      'builtin/base.yaml': 'care: {ggz: {wait: {type: exponential, mean: 3}}}\n',
      'child.yaml': 'extends: base\ncare: {ggz: {wait: {type: fixed, value: 1}}}\n',
    });
    // Key-by-key merging would leave `mean` next to `value`; the strict fixed form then rejects it.
    const error = scenarioErrorOf(() => testLoader(root).load(path.join(root, 'child.yaml')));
    expect(error.message).toContain('care.ggz.wait');
  });

  it('resolves relative paths against the extending file, through a chain of three', () => {
    const root = writeTree({
      'shared/base.yaml': 'years: 3\nflags: {enabled: true}\n',
      'shared/mid/middle.yaml': 'extends: ../base.yaml\nyears: 4\ncare: {mode: bundled}\n',
      'work/leaf.yaml': 'extends: ../shared/mid/middle.yaml\ncare: {ggz: {capacity: 1}}\n',
    });
    const scenario = testLoader(root).load(path.join(root, 'work', 'leaf.yaml')).scenario;
    expect(scenario.years).toBe(4);
    expect(scenario.flags.enabled).toBe(true);
    expect(scenario.care.mode).toBe('bundled');
    expect(scenario.care.ggz.capacity).toBe(1);
  });

  it('reports a cycle with the whole chain', () => {
    const root = writeTree({ 'a.yaml': 'extends: b.yaml\n', 'b.yaml': 'extends: ./a.yaml\n', 'self.yaml': 'extends: self.yaml\n' });
    const error = scenarioErrorOf(() => testLoader(root).load(path.join(root, 'a.yaml')));
    expect(error.path).toBe('extends');
    expect(error.message).toMatch(/extends cycle: \S*a\.yaml -> \S*b\.yaml -> \S*a\.yaml/);
    expect(scenarioErrorOf(() => testLoader(root).load(path.join(root, 'self.yaml'))).message).toMatch(/self\.yaml -> \S*self\.yaml/);
  });

  it('names the file and value of a bad extends', () => {
    const root = writeTree({ 'missing.yaml': 'extends: ./gone.yaml\n', 'number.yaml': 'extends: 3\n', 'builtin/base.yaml': '' });
    const missing = scenarioErrorOf(() => testLoader(root).load(path.join(root, 'missing.yaml')));
    expect(missing.path).toBe('extends');
    expect(missing.message).toContain('missing.yaml');
    expect(missing.message).toContain('./gone.yaml');
    const number = scenarioErrorOf(() => testLoader(root).load(path.join(root, 'number.yaml')));
    expect(number.message).toMatch(/number\.yaml: extends: expected the name of a built-in scenario or a file path, got 3/);
  });

  it('blames the file in the chain that states the bad value', () => {
    const root = writeTree({ 'builtin/base.yaml': 'care: {ggz: {capacity: -1}}\n', 'child.yaml': 'extends: base\nyears: 2\n' });
    const error = scenarioErrorOf(() => testLoader(root).load(path.join(root, 'child.yaml')));
    expect(error.message).toBe('base.yaml: care.ggz.capacity: expected a number >= 0, got -1');
    expect(error.file).toBe('base.yaml');
  });
});

describe('objects', () => {
  it('loads an object, resolving a relative extends against the given folder', () => {
    const root = writeTree({ 'base.yaml': 'years: 6\n' });
    const loaded = testLoader(root).loadObject({ extends: './base.yaml', flags: { enabled: true } }, { name: 'inline', baseDir: root });
    expect(loaded.name).toBe('inline');
    expect(loaded.sourcePath).toBeNull();
    expect(loaded.scenario.years).toBe(6);
    expect(loaded.scenario.flags.enabled).toBe(true);
  });

  it('rejects something that is not a mapping', () => {
    const root = writeTree({});
    expect(scenarioErrorOf(() => testLoader(root).loadObject([1, 2], { name: 'list' })).message).toBe(
      'list: expected a mapping of scenario fields, got [1,2]',
    );
  });
});

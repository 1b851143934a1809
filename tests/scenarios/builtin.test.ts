// The machinery on the domain schema and the scenario files the package ships.
import { describe, expect, it } from 'vitest';
import { isPlainObject, parseDotPath, valueAtPath } from '../../scenarios/dot-path.js';
import { readScenarioFile } from '../../scenarios/files.js';
import { scenarioJsonSchema } from '../../scenarios/json-schema.js';
import { listBuiltinScenarios, loadScenario, loadScenarioObject } from '../../scenarios/load.js';
import { getParam, listParams, withParams } from '../../scenarios/params.js';
import { scenarioSchema } from '../../scenarios/schema.js';
import { scenarioErrorOf } from './scenario-error-helper.js';

describe('built-in scenarios', () => {
  it('include the baseline and the casusregisseur variant', () => {
    expect(listBuiltinScenarios()).toEqual(expect.arrayContaining(['baseline', 'casusregisseur']));
  });

  it.each(listBuiltinScenarios())('%s loads, validates and fingerprints the same twice', (name) => {
    const loaded = loadScenario(name);
    expect(loaded.sourcePath).toMatch(new RegExp(`scenarios[/\\\\]${name}\\.ya?ml$`));
    expect(loaded.scenario.name).toBe(loaded.name);
    expect(scenarioSchema.parse(loaded.scenario)).toEqual(loaded.scenario);
    expect(loaded.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(loadScenario(name).sha256).toBe(loaded.sha256);
  });

  it('casusregisseur extends the baseline and differs from it', () => {
    const baseline = loadScenario('baseline');
    const variant = loadScenario('casusregisseur');
    expect(variant.name).not.toBe(baseline.name);
    expect(variant.sha256).not.toBe(baseline.sha256);
    // Every number the variant's own file leaves alone comes from the baseline.
    const own = readScenarioFile(variant.sourcePath ?? '', 'casusregisseur.yaml');
    expect(own['extends']).toBe('baseline');
    // Mappings merge key by key; anything else stated on the way to a path replaces what is under it.
    const statedByOwn = (path: string) => {
      const segments = parseDotPath(path);
      return segments.some((_, index) => {
        const found = valueAtPath(own, segments.slice(0, index + 1));
        return found.found && (index === segments.length - 1 || !isPlainObject(found.value));
      });
    };
    const untouched = listParams(baseline.scenario).filter((param) => !statedByOwn(param.path));
    expect(untouched.length).toBeGreaterThan(0);
    for (const param of untouched) expect(getParam(variant.scenario, param.path)).toBe(param.value);
  });

  it('applies --set on the domain schema and rejects an unknown path', () => {
    const loaded = loadScenario('baseline', ['warmupYears=3']);
    expect(loaded.scenario.warmupYears).toBe(3);
    expect(loaded.sha256).not.toBe(loadScenario('baseline').sha256);
    expect(scenarioErrorOf(() => loadScenario('baseline', ['warmupYeers=3'])).path).toBe('--set warmupYeers');
  });
});

describe('parameters of the domain scenario', () => {
  const scenario = loadScenarioObject({}, { name: 'defaults' }).scenario;
  const params = listParams(scenario);

  it('lists every numeric leaf once, with a provenance', () => {
    expect(params.length).toBeGreaterThan(20);
    expect(new Set(params.map((p) => p.path)).size).toBe(params.length);
    expect(params.map((p) => p.path)).toContain('warmupYears');
    for (const param of params) {
      expect(getParam(scenario, param.path)).toBe(param.value);
      // The conventions ask a source for every default; the fallback wording would show a gap.
      expect(param.provenance, param.path).not.toBe('no provenance recorded');
    }
  });

  it('changes one parameter and validates the result', () => {
    const changed = withParams(scenario, { warmupYears: 4 });
    expect(changed.warmupYears).toBe(4);
    expect(listParams(changed).filter((p) => p.path !== 'warmupYears')).toEqual(params.filter((p) => p.path !== 'warmupYears'));
    expect(scenarioErrorOf(() => withParams(scenario, { warmupYears: -1 })).message).toContain('warmupYears: expected a number >= 0, got -1');
  });
});

describe('scenarioJsonSchema', () => {
  it('lists every top-level field plus extends, none of them required', () => {
    const json = scenarioJsonSchema();
    const properties = Object.keys(json['properties'] as object);
    expect(properties).toEqual(expect.arrayContaining(['extends', ...Object.keys(scenarioSchema.shape)]));
    expect(json['required'] ?? []).toEqual([]);
  });
});

// A scenario on the page is a built-in scenario plus --set overrides: one override per path, a loaded
// file becomes overrides, and the YAML a user downloads states only those, under `extends`.
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadScenario, loadScenarioObject } from '../../scenarios/load.js';
import { scenarioSchema } from '../../scenarios/schema.js';
import { choiceFromFile, scenarioYaml, withSet } from '../../web/src/state/scenario-sets.js';

describe('scenario overrides on the page', () => {
  it('keeps one override per path: replaces, appends, removes', () => {
    expect(withSet(['a.b=1', 'c=2'], 'a.b', '3')).toEqual(['a.b=3', 'c=2']);
    expect(withSet(['a.b=1'], 'c', '"x"')).toEqual(['a.b=1', 'c="x"']);
    expect(withSet(['a.b=1', 'c=2'], 'a.b', null)).toEqual(['c=2']);
  });

  it('turns a file into overrides that load to the same scenario as the file', () => {
    const fields = {
      extends: 'casusregisseur',
      name: 'my variant: half the caseload',
      policy: { casusregisseur: { caseload: 20, forcePlaceWeeks: { type: 'gamma', mean: 3, sd: 1 } } },
      escalation: { interventieteam: { enabled: true, sectors: ['VO'] } },
    };
    const choice = choiceFromFile(fields);
    expect(choice.ref).toBe('casusregisseur');
    expect(choice.sets).toEqual([
      'name="my variant: half the caseload"',
      'policy.casusregisseur.caseload=20',
      'policy.casusregisseur.forcePlaceWeeks={"type":"gamma","mean":3,"sd":1}',
      'escalation.interventieteam.enabled=true',
      'escalation.interventieteam.sectors=["VO"]',
    ]);
    const fromFile = loadScenarioObject(fields, { name: 'variant' });
    const fromSets = loadScenario(choice.ref, choice.sets);
    expect(fromSets.scenario).toEqual(fromFile.scenario);
    expect(fromSets.sha256).toBe(fromFile.sha256);
    expect(YAML.parse(scenarioYaml(choice, scenarioSchema))).toEqual(fields);
  });
});

// Components come from the diff of the resolved scenarios, so they follow the schema wherever it
// goes: these tests use built-in packages and small stated scenarios, never a list of names.
import { describe, expect, it } from 'vitest';
import { loadScenario, loadScenarioObject } from '../../scenarios/load.js';
import { changedLeaves, groupComponents, parseComponentGroup } from '../../analysis/decomposition/components.js';
import { coalitionScenario, planDecomposition, type DecompositionPlanOptions } from '../../analysis/decomposition/plan.js';
import type { ReplicationShared } from '../../analysis/scenario-runs/plan.js';

const baseline = loadScenario('baseline').scenario;
const dullaert = loadScenario('dullaert').scenario;

describe('changed leaves', () => {
  it('lists what a package states differently, not its name or description, sorted by path', () => {
    const paths = changedLeaves(baseline, dullaert).map((c) => c.path);
    expect(paths).toEqual([
      'needs.parentsCooperativeShare',
      'policy.absenceDistinction',
      'policy.budgets.mode',
      'policy.casusregisseur.enabled',
      'policy.exemptions',
      'policy.prevention.enabled',
    ]);
    expect(changedLeaves(baseline, loadScenario('baseline').scenario)).toEqual([]);
  });

  it('takes a distribution of another type as one change: set field by field it would be neither', () => {
    const exponential = loadScenarioObject({ extends: 'baseline', pathway: { placeSearchWeeks: { type: 'exponential', mean: 5 } } }, { name: 'x' }).scenario;
    const changes = changedLeaves(baseline, exponential);
    expect(changes.map((c) => c.path)).toEqual(['pathway.placeSearchWeeks']);
    expect(changes[0]!.package.value).toEqual({ type: 'exponential', mean: 5 });
  });
});

describe('components', () => {
  const changes = changedLeaves(baseline, dullaert);

  it('groups changes by their first two path segments by default', () => {
    expect(groupComponents(changes, []).map((c) => c.name)).toEqual([
      'needs.parentsCooperativeShare', 'policy.absenceDistinction', 'policy.budgets', 'policy.casusregisseur', 'policy.exemptions', 'policy.prevention',
    ]);
  });

  it('takes named groups first, with every change at or inside their paths', () => {
    const components = groupComponents(changes, [parseComponentGroup('regie=policy.casusregisseur,policy.budgets'), parseComponentGroup('early=policy.prevention,policy.absenceDistinction')]);
    expect(components.map((c) => [c.name, c.changes.map((x) => x.path)])).toEqual([
      ['regie', ['policy.budgets.mode', 'policy.casusregisseur.enabled']],
      ['early', ['policy.absenceDistinction', 'policy.prevention.enabled']],
      ['needs.parentsCooperativeShare', ['needs.parentsCooperativeShare']],
      ['policy.exemptions', ['policy.exemptions']],
    ]);
  });

  it.each([
    ['regie', /--component: expected name=path1,path2/],
    ['=policy.budgets', /--component: expected name=path1,path2/],
    ['a=policy..budgets', /--component: expected name=path1,path2/],
  ])('refuses the malformed group %s', (text, message) => {
    expect(() => parseComponentGroup(text)).toThrow(message);
  });

  it.each([
    [['x=care.ggz'], /'care.ggz' changes nothing/],
    [['x=policy', 'y=policy.budgets'], /'policy.budgets.mode' is also in 'x'/],
    [['policy.budgets=policy.casusregisseur'], /a name no other component has/],
  ])('refuses groups %j that change nothing, overlap or clash with a default name', (texts, message) => {
    expect(() => groupComponents(changes, texts.map(parseComponentGroup))).toThrow(message);
  });
});

describe('coalition scenarios', () => {
  const components = groupComponents(changedLeaves(baseline, dullaert), []);

  it('none on is the reference, all on is the package but for its labels', () => {
    expect(coalitionScenario(baseline, components, '000000')).toEqual(baseline);
    expect(coalitionScenario(baseline, components, '111111')).toEqual({ ...dullaert, name: baseline.name, description: baseline.description });
  });

  it('one component on changes only its own paths', () => {
    const budgets = coalitionScenario(baseline, components, '001000');
    expect(changedLeaves(baseline, budgets).map((c) => c.path)).toEqual(['policy.budgets.mode']);
  });
});

describe('decomposition plans', () => {
  it('beyond ten components plans sampled orders: every coalition once, each with the same replication seeds', () => {
    const eleven = loadScenarioObject({
      extends: 'baseline',
      school: { shareWithMdt: 1, shareYouthHealthPresent: 1, mdtCadenceWeeks: 2, shareGoodRegistration: 0.9 },
      care: { ggz: { capacity: 60 }, ambulant: { capacity: 70 }, specialist: { capacity: 25 } },
      policy: { casusregisseur: { enabled: true }, budgets: { mode: 'bundled' }, exemptions: 'abolished', prevention: { enabled: true } },
    }, { name: 'eleven' });
    const reference = loadScenario('baseline');
    const components = groupComponents(changedLeaves(reference.scenario, eleven.scenario), []);
    expect(components).toHaveLength(11);
    const plan = planDecomposition(reference, eleven, components, { orders: 3, replications: 2, seed: 5, metrics: ['over_13_weeks_legal'] });
    const options = plan.options as DecompositionPlanOptions;
    expect(options.method).toBe('sampled');
    expect(options.orders).toHaveLength(3);
    expect(new Set(options.coalitions).size).toBe(options.coalitions.length);
    // Reference, package, 11 singles, 11 leave-one-outs, and at most 2 x 3 x 10 chain coalitions more.
    expect(options.coalitions.length).toBeGreaterThanOrEqual(24);
    expect(options.coalitions.length).toBeLessThanOrEqual(24 + 60);
    expect(plan.items).toHaveLength(options.coalitions.length * 2);
    const shared = plan.shared as ReplicationShared;
    expect(shared.seed).toBe(5);
    expect(plan.items.slice(0, 4).map((item) => [item.id, item.input.replication, item.input.scenario])).toEqual([
      ['c00000-r00000', 0, 0], ['c00000-r00001', 1, 0], ['c00001-r00000', 0, 1], ['c00001-r00001', 1, 1],
    ]);
    expect(shared.scenarios[1]).toEqual({ ...eleven.scenario, name: 'baseline', description: reference.scenario.description });
  });
});

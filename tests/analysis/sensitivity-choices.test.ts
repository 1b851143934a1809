// Switches and categorical choices as sensitivity parameters: parsed from `path=a,b`, mapped from the
// design's coordinates to choices, and analysed with known answers (a switch's Morris effect is its
// flip; its Sobol share is that of a fair coin).
import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../sim/engine/random.js';
import { loadScenario } from '../../scenarios/load.js';
import { analyseMorris, designMorris } from '../../analysis/sensitivity/morris.js';
import { parseParamRanges, parseSensitivityParam, scaleToRange, type ParamPoint, type ParamRange } from '../../analysis/sensitivity/parameters.js';
import { analyseSobol, designSobol } from '../../analysis/sensitivity/sobol.js';
import { planSensitivity, type SensitivityPlanOptions } from '../../analysis/sensitivity-runs/plan.js';
import { checkParamPaths } from '../../analysis/sensitivity-runs/param-paths.js';
import type { ReplicationShared } from '../../analysis/scenario-runs/plan.js';

const stream = (name: string, seed = 20240601) => new RandomStreams(seed, 0).stream(name);

describe('parsing choices', () => {
  it('reads path=a,b as choices at positions 0 .. L-1, typed as a scenario file would type them', () => {
    expect(parseSensitivityParam('policy.budgets.mode=separate,bundled')).toEqual({ path: 'policy.budgets.mode', low: 0, high: 1, choices: ['separate', 'bundled'] });
    expect(parseSensitivityParam('policy.casusregisseur.enabled=false,true').choices).toEqual([false, true]);
    expect(parseSensitivityParam('care.ggz.capacity=40, 50 ,60').choices).toEqual([40, 50, 60]);
    expect(parseSensitivityParam('care.ggz.capacity=40:60')).toEqual({ path: 'care.ggz.capacity', low: 40, high: 60 });
  });

  it.each([
    ['policy.budgets.mode=separate,separate', /the choice "separate" is given twice/],
    ['policy.budgets.mode=separate,', /an empty choice/],
    ['policy budgets=a,b', /is not a dot path/],
  ])('refuses %s', (text, message) => {
    expect(() => parseSensitivityParam(text)).toThrow(message);
  });

  it('stays out of calibration, which fits numbers only', () => {
    expect(() => parseParamRanges(['policy.budgets.mode=separate,bundled'])).toThrow(/is not a finite number|exactly one ":"/);
  });
});

describe('choices in the designs', () => {
  const three: ParamRange = { path: 'c', low: 0, high: 2, choices: ['a', 'b', 'c'] };

  it('maps a coordinate u to choice floor(u L), the last for u = 1, so uniform draws pick each equally often', () => {
    expect([0, 0.3333, 0.3334, 0.6666, 0.6667, 1].map((u) => scaleToRange(three, u))).toEqual([0, 0, 1, 1, 2, 2]);
    const counts = [0, 0, 0];
    const rng = stream('uniform');
    for (let i = 0; i < 30_000; i++) counts[scaleToRange(three, rng.next())]!++;
    // Binomial sd of each count: sqrt(30000 * 1/3 * 2/3) = 82; 4 sd.
    for (const count of counts) expect(Math.abs(count - 10_000)).toBeLessThan(330);
  });

  const switchModel = (point: Readonly<ParamPoint>) => 5 * (point['switch'] as number) + 2 * (point['x'] as number);
  const ranges: ParamRange[] = [{ path: 'switch', low: 0, high: 1, choices: [false, true] }, { path: 'x', low: 0, high: 1 }];

  it('Morris: every step flips the switch, whose effect is the flip itself (mu* = 5, sigma = 0)', () => {
    const design = designMorris(ranges, 10, stream('morris'));
    for (const point of design.points) expect([0, 1]).toContain(point['switch']);
    const effects = analyseMorris(design, design.points.map(switchModel));
    const flip = effects.find((e) => e.path === 'switch')!;
    expect(flip.effects).toHaveLength(10);
    for (const e of flip.effects) expect(e).toBeCloseTo(5, 12);
    expect(flip.sigma).toBeCloseTo(0, 12);
    expect(effects.find((e) => e.path === 'x')!.muStar).toBeCloseTo(2, 12);
  });

  it('Sobol: the switch has the share of a fair coin, (25/4) / (25/4 + 4/12)', () => {
    const design = designSobol(ranges, 2048, stream('sobol'));
    const result = analyseSobol(design, design.points.map(switchModel), stream('bootstrap'), { resamples: 200 });
    const truth = 25 / 4 / (25 / 4 + 4 / 12);
    const flip = result.indices.find((i) => i.path === 'switch')!;
    for (const index of [flip.first, flip.total]) {
      // Within 4 bootstrap standard errors of the analytic share.
      expect(Math.abs(index.estimate - truth)).toBeLessThan(4 * index.se);
    }
  });
});

describe('choices in a sensitivity plan', () => {
  const loaded = loadScenario('baseline');
  const settings = { samples: 1, replications: 1, seed: 2, metrics: ['over_13_weeks_legal'] };

  it('runs each choice as stated, starting OAT from the scenario\u2019s own choice', () => {
    const ranges = [parseSensitivityParam('policy.budgets.mode=bundled,separate'), parseSensitivityParam('care.ggz.capacity=30:60')];
    const plan = planSensitivity(loaded, { ...settings, method: 'oat', ranges });
    const options = plan.options as SensitivityPlanOptions;
    expect(options.points.map((p) => p['policy.budgets.mode'])).toEqual(['separate', 'bundled', 'separate', 'separate', 'separate']);
    const scenarios = (plan.shared as ReplicationShared).scenarios;
    expect(plan.items.map((item) => scenarios[item.input.scenario]!.policy.budgets.mode)).toEqual(['separate', 'bundled', 'separate', 'separate', 'separate']);
    expect(options.rounded).toEqual([]);
  });

  it('refuses choices OAT cannot start from, and choices the scenario field does not accept, naming the text', () => {
    const ranges = [parseSensitivityParam('policy.budgets.mode=bundled,bundled2')];
    expect(() => planSensitivity(loaded, { ...settings, method: 'oat', ranges })).toThrow(/--param: expected the scenario's own value \("separate"\) among the choices/);
    expect(() => checkParamPaths(loaded.scenario, ranges, ['policy.budgets.mode=bundled,bundled2'])).toThrow(/--param: expected path=a,b with choices the scenario field accepts.*policy\.budgets\.mode.*bundled2/);
    const unknown = [parseSensitivityParam('policy.nothing=a,b')];
    expect(() => checkParamPaths(loaded.scenario, unknown, ['policy.nothing=a,b'])).toThrow(/--param: .*policy\.nothing/);
  });
});

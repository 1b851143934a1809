import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../sim/engine/random.js';
import { analyseMorris, designMorris } from '../../analysis/sensitivity/morris.js';
import { analyseOat, designOat } from '../../analysis/sensitivity/oat.js';
import { parseParamRange, parseParamRanges, type ParamRange } from '../../analysis/sensitivity/parameters.js';
import { analyseSobol, designSobol } from '../../analysis/sensitivity/sobol.js';
import { ishigamiFunction, linearFunction } from '../../analysis/sensitivity/test-functions.js';

const stream = (name: string, seed = 20240601) => new RandomStreams(seed, 0).stream(name);

// Different units on purpose: the ranking must come from |c_i| * range, not from c_i alone.
const linearRanges: ParamRange[] = [
  { path: 'care.ggz.capacity', low: 2, high: 8 },
  { path: 'school.rate', low: 0, high: 0.5 },
  { path: 'leerplicht.delay', low: 10, high: 30 },
];
const linearCoefficients = [3, -10, 0.4]; // |c| * range = 18, 5, 8

describe('parseParamRange', () => {
  it('parses path=low:high, including negative and exponent numbers', () => {
    expect(parseParamRange('care.ggz.capacity=2:8')).toEqual({ path: 'care.ggz.capacity', low: 2, high: 8 });
    expect(parseParamRange('a.b=-1.5:2e3')).toEqual({ path: 'a.b', low: -1.5, high: 2000 });
  });

  it('names the option and value in every error', () => {
    expect(() => parseParamRange('care.ggz.capacity', '--vary')).toThrow('--vary "care.ggz.capacity": missing "="');
    expect(() => parseParamRange('care.ggz.capacity=8:2')).toThrow('--param "care.ggz.capacity=8:2": low bound 8 must be less than high bound 2');
    expect(() => parseParamRange('x=3:3')).toThrow(/low bound 3 must be less than high bound 3/);
    expect(() => parseParamRange('x=a:3')).toThrow('--param "x=a:3": low bound "a" is not a finite number');
    expect(() => parseParamRange('x=1:')).toThrow(/high bound "" is not a finite number/);
    expect(() => parseParamRange('x=1:2:3')).toThrow(/range "1:2:3" must be low:high with exactly one ":"/);
    expect(() => parseParamRange('=1:2')).toThrow(/parameter path "" is not a dot path/);
  });

  it('rejects a parameter given twice', () => {
    expect(() => parseParamRanges(['a=1:2', 'a=3:4'])).toThrow('--param: parameter "a" is given more than once');
  });
});

describe('one-at-a-time', () => {
  const model = linearFunction(linearCoefficients, linearRanges);

  it('puts the base at the midpoint unless given, and moves one parameter per point', () => {
    const design = designOat(linearRanges, { 'school.rate': 0.1, 'unrelated.path': 99 });
    expect(design.base).toEqual({ 'care.ggz.capacity': 5, 'school.rate': 0.1, 'leerplicht.delay': 20 });
    expect(design.points).toHaveLength(7);
    expect(design.points[3]).toEqual({ 'care.ggz.capacity': 5, 'school.rate': 0, 'leerplicht.delay': 20 });
  });

  it('gives the linear swings |c_i| * range, sorted largest first', () => {
    const design = designOat(linearRanges);
    const result = analyseOat(design, design.points.map((point) => model.evaluate(point)));
    expect(result.effects.map((effect) => effect.path)).toEqual(['care.ggz.capacity', 'leerplicht.delay', 'school.rate']);
    const [capacity, delay, rate] = result.effects;
    expect(capacity?.swing).toBeCloseTo(18, 12);
    expect(delay?.swing).toBeCloseTo(8, 12);
    expect(rate?.swing).toBeCloseTo(5, 12);
    // Negative coefficient: output falls from low to high.
    expect((rate?.outputAtHigh ?? 0) - (rate?.outputAtLow ?? 0)).toBeCloseTo(-5, 12);
    expect(result.baseOutput).toBeCloseTo(3 * 5 - 10 * 0.25 + 0.4 * 20, 12);
  });

  it('rejects outputs that do not match the design', () => {
    const design = designOat(linearRanges);
    expect(() => analyseOat(design, [1, 2])).toThrow('analyseOat: expected 7 outputs (one per design point, in design order), got 2');
  });
});

describe('Morris elementary effects', () => {
  const model = linearFunction(linearCoefficients, linearRanges);

  it('builds trajectories on the p-level grid that move each parameter once by delta', () => {
    const design = designMorris(linearRanges, 10, stream('morris.design'), { levels: 6 });
    expect(design.delta).toBeCloseTo(6 / 10, 15);
    expect(design.points).toHaveLength(10 * 4);
    for (const [t, steps] of design.steps.entries()) {
      expect(steps.map((s) => s.parameter).sort()).toEqual([0, 1, 2]);
      for (const [s, { parameter, step }] of steps.entries()) {
        const range = linearRanges[parameter] as ParamRange;
        const before = design.points[t * 4 + s]?.[range.path] as number;
        const after = design.points[t * 4 + s + 1]?.[range.path] as number;
        expect((after - before) / (range.high - range.low)).toBeCloseTo(step, 12);
        // Every coordinate stays on a grid level j / (p - 1).
        const level = ((after - range.low) / (range.high - range.low)) * 5;
        expect(level).toBeCloseTo(Math.round(level), 9);
      }
    }
  });

  it('on a linear model: mu* = |c_i| * range exactly, sigma = 0, ranked by |c_i| * range', () => {
    const design = designMorris(linearRanges, 8, stream('morris.design'));
    const result = analyseMorris(design, design.points.map((point) => model.evaluate(point)));
    expect(result.map((effect) => effect.path)).toEqual(['care.ggz.capacity', 'leerplicht.delay', 'school.rate']);
    const expected: Record<string, number> = { 'care.ggz.capacity': 18, 'leerplicht.delay': 8, 'school.rate': -5 };
    for (const effect of result) {
      const exact = expected[effect.path] as number;
      // Exact up to rounding of the differences (relative 1e-9).
      expect(effect.muStar).toBeCloseTo(Math.abs(exact), 9);
      expect(effect.mu).toBeCloseTo(exact, 9);
      expect(effect.sigma).toBeLessThan(1e-9);
      expect(effect.effects).toHaveLength(8);
    }
  });

  it('is reproducible for a seed and rejects odd levels', () => {
    const a = designMorris(linearRanges, 3, stream('morris.design'));
    const b = designMorris(linearRanges, 3, stream('morris.design'));
    expect(a.points).toEqual(b.points);
    expect(() => designMorris(linearRanges, 3, stream('x'), { levels: 5 })).toThrow('designMorris: levels must be an even integer >= 2, got 5');
  });
});

describe('Sobol indices (Saltelli design)', () => {
  // N = 2^13 base rows: 40,960 Ishigami runs, a few hundred ms including 1000 bootstrap resamples.
  // Tolerance: each estimate within 4 bootstrap standard errors of the analytic index, and the 95%
  // percentile interval must contain it (a fixed seed, so this is deterministic).
  it('recovers the Ishigami indices', () => {
    const ishigami = ishigamiFunction();
    expect(ishigami.firstOrder.map((x) => Number(x.toFixed(4)))).toEqual([0.3139, 0.4424, 0]);
    expect(ishigami.total.map((x) => Number(x.toFixed(4)))).toEqual([0.5576, 0.4424, 0.2437]);
    const design = designSobol(ishigami.ranges, 2 ** 13, stream('sensitivity.design'));
    expect(design.points).toHaveLength(2 ** 13 * 5);
    const result = analyseSobol(design, design.points.map((point) => ishigami.evaluate(point)), stream('sensitivity.bootstrap'));
    expect(result.indices.map((index) => index.path)).toEqual(['x1', 'x2', 'x3']);
    for (const index of result.indices) {
      const i = Number(index.path.slice(1)) - 1;
      for (const [estimate, truth] of [
        [index.first, ishigami.firstOrder[i] as number],
        [index.total, ishigami.total[i] as number],
      ] as const) {
        expect(estimate.se).toBeGreaterThan(0);
        expect(estimate.se).toBeLessThan(0.05);
        expect(Math.abs(estimate.estimate - truth)).toBeLessThan(4 * estimate.se);
        expect(estimate.ci95_low).toBeLessThanOrEqual(truth);
        expect(estimate.ci95_high).toBeGreaterThanOrEqual(truth);
      }
    }
    // Analytic variance 13.8446 (a = 7, b = 0.1); sampling error of V at this N is ~0.1.
    expect(result.variance).toBeGreaterThan(13.4);
    expect(result.variance).toBeLessThan(14.3);
  });

  it('recovers the linear-model indices, S_i = ST_i, with a large output offset', () => {
    const model = linearFunction(linearCoefficients, linearRanges);
    const design = designSobol(linearRanges, 2 ** 12, stream('sensitivity.design', 7));
    // A constant 1e6 offset (think: costs in euros) must not change the indices.
    const outputs = design.points.map((point) => 1e6 + model.evaluate(point));
    const result = analyseSobol(design, outputs, stream('sensitivity.bootstrap', 7), { resamples: 500 });
    for (const index of result.indices) {
      const i = linearRanges.findIndex((range) => range.path === index.path);
      const truth = model.firstOrder[i] as number;
      expect(Math.abs(index.first.estimate - truth)).toBeLessThan(4 * index.first.se);
      expect(Math.abs(index.total.estimate - truth)).toBeLessThan(4 * index.total.se);
      expect(index.first.ci95_low).toBeLessThanOrEqual(truth);
      expect(index.first.ci95_high).toBeGreaterThanOrEqual(truth);
    }
    expect(result.indices[0]?.path).toBe('care.ggz.capacity');
  });

  it('returns NaN indices for a constant output instead of dividing silently', () => {
    const design = designSobol(linearRanges, 16, stream('sensitivity.design'));
    const result = analyseSobol(design, design.points.map(() => 5), stream('b'), { resamples: 10 });
    expect(result.variance).toBe(0);
    expect(result.indices.every((index) => Number.isNaN(index.first.estimate) && Number.isNaN(index.total.estimate))).toBe(true);
  });
});

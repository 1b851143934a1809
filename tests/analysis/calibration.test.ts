import { describe, expect, it } from 'vitest';
import type { Observation } from '../../analysis/calibration/data.js';
import { minimiseNelderMead } from '../../analysis/calibration/nelder-mead.js';
import { evaluateObjective } from '../../analysis/calibration/objective.js';
import { analyseHessian, designHessian } from '../../analysis/calibration/uncertainty.js';
import type { ParamPoint, ParamRange } from '../../analysis/sensitivity/parameters.js';
import { RandomStreams } from '../../sim/engine/random.js';

const point = (measure: string, value: number, sd?: number): Observation => ({
  measure,
  period: '2019',
  observed: { kind: 'point', value },
  text: String(value),
  ...(sd === undefined ? {} : { sd }),
  row: 2,
});
const interval = (measure: string, low: number, high: number, text: string): Observation => ({
  measure,
  period: '2019',
  observed: { kind: 'interval', low, high },
  text,
  row: 3,
});

describe('evaluateObjective', () => {
  it('is zero when the simulated mean lies inside an interval observation', () => {
    const result = evaluateObjective([interval('exemptions', 0, 5, '<5'), interval('thuiszitters_all', 100, Infinity, '>100')], {
      exemptions: [3, 4, 2],
      thuiszitters_all: [150, 160, null],
    });
    expect(result.value).toBe(0);
    expect(result.rows[0]).toMatchObject({ measure: 'exemptions', observed: '<5', observed_low: 0, observed_high: 5, simulated_mean: 3, contribution: 0 });
    expect(result.rows[1]?.simulated_mean).toBe(155);
  });

  it('standardises a point residual by sqrt(sd^2 + se^2)', () => {
    // Simulated 9, 11: mean 10, sd sqrt(2), se 1. Observed 13 with sd sqrt(8): ((10-13)/3)^2 = 1.
    const result = evaluateObjective([point('exemptions', 13, Math.sqrt(8))], { exemptions: [9, 11] });
    expect(result.value).toBeCloseTo(1, 12);
    expect(result.rows[0]?.ci95_low).toBeCloseTo(10 - 12.7062, 3);
  });

  it('uses a 10% relative sd when the observation gives none, and scales interval distances', () => {
    // Observed 100, simulated 90 exactly (se 0): ((90 - 100) / 10)^2 = 1.
    expect(evaluateObjective([point('x', 100)], { x: [90, 90] }).value).toBeCloseTo(1, 12);
    // Interval [0, 5), simulated 6 (se 0): distance 1, scale 0.1 * 5 = 0.5, term 4.
    expect(evaluateObjective([interval('x', 0, 5, '<5')], { x: [6, 6] }).value).toBeCloseTo(4, 12);
    // Observation 0 with no simulated spread falls back to the absolute scale 0.1: (0.2 / 0.1)^2 = 4.
    expect(evaluateObjective([point('x', 0)], { x: [0.2] }).value).toBeCloseTo(4, 12);
  });

  it('gives +Infinity for a measure no replication defined and throws for a missing measure', () => {
    expect(evaluateObjective([point('x', 1)], { x: [null, null] }).value).toBe(Infinity);
    expect(() => evaluateObjective([point('y', 1)], { x: [1] })).toThrow('no simulated values for measure "y" (row 2)');
  });
});

const box2: ParamRange[] = [
  { path: 'a', low: -2, high: 2 },
  { path: 'b', low: -2, high: 2 },
];

describe('minimiseNelderMead', () => {
  it('finds the Rosenbrock minimum (1, 1) inside a box', async () => {
    const rosenbrock = (p: Readonly<ParamPoint>) => {
      const a = p['a'] as number;
      const b = p['b'] as number;
      return 100 * (b - a * a) ** 2 + (1 - a) ** 2;
    };
    const result = await minimiseNelderMead(rosenbrock, box2, { start: { a: -1.2, b: 1 }, maxEvaluations: 2000, xTolerance: 1e-7, fTolerance: 1e-14 });
    expect(result.converged).toBe(true);
    expect(result.point['a']).toBeCloseTo(1, 3);
    expect(result.point['b']).toBeCloseTo(1, 3);
    expect(result.value).toBeLessThan(1e-8);
    expect(result.evaluations).toBe(result.history.length);
  });

  it('finds an interior quadratic minimum in three dimensions, with an async objective', async () => {
    const ranges: ParamRange[] = [
      { path: 'x', low: 0, high: 10 },
      { path: 'y', low: -5, high: 5 },
      { path: 'z', low: 100, high: 200 },
    ];
    const quadratic = async (p: Readonly<ParamPoint>) =>
      ((p['x'] as number) - 3) ** 2 + 4 * ((p['y'] as number) + 1) ** 2 + (((p['z'] as number) - 170) / 10) ** 2 + 2;
    const result = await minimiseNelderMead(quadratic, ranges, { xTolerance: 1e-6, fTolerance: 1e-12 });
    expect(result.converged).toBe(true);
    expect(result.point['x']).toBeCloseTo(3, 4);
    expect(result.point['y']).toBeCloseTo(-1, 4);
    expect(result.point['z']).toBeCloseTo(170, 3);
    expect(result.value).toBeCloseTo(2, 10);
  });

  it('stops on a bound when the unconstrained minimum lies outside the box', async () => {
    const result = await minimiseNelderMead((p) => ((p['a'] as number) - 5) ** 2 + ((p['b'] as number) - 0.5) ** 2, box2, { xTolerance: 1e-7, fTolerance: 1e-12 });
    expect(result.point['a']).toBeCloseTo(2, 6);
    expect(result.point['b']).toBeCloseTo(0.5, 4);
    for (const h of result.history) {
      expect(h.point['a']).toBeGreaterThanOrEqual(-2);
      expect(h.point['a']).toBeLessThanOrEqual(2);
    }
  });

  it('is deterministic and never exceeds maxEvaluations', async () => {
    const f = (p: Readonly<ParamPoint>) => Math.abs(p['a'] as number) + ((p['b'] as number) - 1) ** 2;
    const first = await minimiseNelderMead(f, box2, { maxEvaluations: 25 });
    const second = await minimiseNelderMead(f, box2, { maxEvaluations: 25 });
    expect(first.evaluations).toBeLessThanOrEqual(25);
    expect(first.converged).toBe(false);
    expect(first.history).toEqual(second.history);
    await expect(minimiseNelderMead(f, box2, { start: { a: 3 } })).rejects.toThrow('start value of "a" must lie in [-2, 2], got 3');
  });
});

describe('Hessian uncertainty', () => {
  it('gives cov = 2 H^-1: the sds of a chi-square objective and the inverse of a correlated quadratic', () => {
    const ranges: ParamRange[] = [
      { path: 'p', low: 0, high: 10 },
      { path: 'q', low: 0, high: 10 },
    ];
    // f = ((p - 4) / 0.5)^2 + ((q - 6) / 2)^2: a chi-square in two estimates with sds 0.5 and 2.
    const chi = (x: Readonly<ParamPoint>) => (((x['p'] as number) - 4) / 0.5) ** 2 + (((x['q'] as number) - 6) / 2) ** 2;
    const design = designHessian(ranges, { p: 4, q: 6 });
    expect(design.points).toHaveLength(1 + 4 + 4);
    const result = analyseHessian(design, design.points.map(chi));
    expect(result.parameters[0]?.se).toBeCloseTo(0.5, 8);
    expect(result.parameters[1]?.se).toBeCloseTo(2, 8);
    expect(result.parameters[0]?.ci95_high).toBeCloseTo(4 + 1.96 * 0.5, 8);
    expect(result.warnings).toEqual([]);
    // f = (d)^T Q (d) with Q = [[2, 1], [1, 3]]: H = 2Q, covariance = Q^-1 = [[0.6, -0.2], [-0.2, 0.4]].
    const correlated = (x: Readonly<ParamPoint>) => {
      const dp = (x['p'] as number) - 4;
      const dq = (x['q'] as number) - 6;
      return 2 * dp * dp + 2 * dp * dq + 3 * dq * dq;
    };
    const covariance = analyseHessian(design, design.points.map(correlated)).covariance;
    expect(covariance?.[0]?.[0]).toBeCloseTo(0.6, 8);
    expect(covariance?.[0]?.[1]).toBeCloseTo(-0.2, 8);
    expect(covariance?.[1]?.[1]).toBeCloseTo(0.4, 8);
  });

  it('flags an optimum at a bound and refuses a covariance for a non-convex objective', () => {
    const ranges: ParamRange[] = [{ path: 'p', low: 0, high: 10 }];
    const design = designHessian(ranges, { p: 10 });
    expect(design.centre['p']).toBeCloseTo(9.8, 12);
    const result = analyseHessian(design, design.points.map((x) => ((x['p'] as number) - 10) ** 2));
    expect(result.parameters[0]?.nearBound).toBe(true);
    expect(result.parameters[0]?.estimate).toBe(10);
    const saddle = analyseHessian(designHessian(ranges, { p: 5 }), [0, -1, -1]);
    expect(saddle.covariance).toBeNull();
    expect(Number.isNaN(saddle.parameters[0]?.se)).toBe(true);
    expect(saddle.warnings[0]).toMatch(/not positive definite/);
  });
});

describe('calibration end to end on a toy stochastic model', () => {
  // Toy model: metric a = 10 t + e, b = 2 t + 5 u + e', e and e' ~ U(-0.5, 0.5) from per-replication
  // streams, so every parameter point reuses the same noise (common random numbers) as the CLI does.
  const replications = 8;
  const noise = Array.from({ length: replications }, (_, r) => {
    const rng = new RandomStreams(42, r).stream('toy.noise');
    return [rng.next() - 0.5, rng.next() - 0.5] as const;
  });
  const simulate = (p: Readonly<ParamPoint>) => {
    const t = p['t'] as number;
    const u = p['u'] as number;
    return { a: noise.map(([e]) => 10 * t + e), b: noise.map(([, e]) => 2 * t + 5 * u + e) };
  };
  const observations = [point('a', 35, 1), point('b', 20, 1)];
  const ranges: ParamRange[] = [
    { path: 't', low: 0, high: 10 },
    { path: 'u', low: 0, high: 10 },
  ];

  it('fits the parameters that reproduce the observations and gives their linear-theory standard errors', async () => {
    const objective = (p: Readonly<ParamPoint>) => evaluateObjective(observations, simulate(p)).value;
    const fit = await minimiseNelderMead(objective, ranges, { xTolerance: 1e-8, fTolerance: 1e-14, maxEvaluations: 1000 });
    const meanNoise = [0, 1].map((k) => noise.reduce((s, e) => s + (e[k] as number), 0) / replications);
    // Exact solution: 10 t + mean(e) = 35 and 2 t + 5 u + mean(e') = 20, objective 0.
    const t = (35 - (meanNoise[0] as number)) / 10;
    const u = (20 - (meanNoise[1] as number) - 2 * t) / 5;
    expect(fit.point['t']).toBeCloseTo(t, 5);
    expect(fit.point['u']).toBeCloseTo(u, 5);
    expect(fit.value).toBeLessThan(1e-9);
    // Linear model with Jacobian J = [[10, 0], [2, 5]] and weights 1 / (sd^2 + se^2): cov = (J^T W J)^-1.
    const design = designHessian(ranges, fit.point, 0.01);
    const uncertainty = analyseHessian(design, design.points.map(objective));
    const se = [0, 1].map((k) => {
      const values = noise.map((e) => e[k] as number);
      const m = values.reduce((s, x) => s + x, 0) / replications;
      return Math.sqrt(values.reduce((s, x) => s + (x - m) ** 2, 0) / (replications - 1) / replications);
    });
    const w = se.map((s) => 1 / (1 + s * s)) as [number, number];
    // J^T W J = [[100 w0 + 4 w1, 10 w1], [10 w1, 25 w1]]; its inverse's diagonal gives the variances.
    const det = (100 * w[0] + 4 * w[1]) * 25 * w[1] - 100 * w[1] * w[1];
    expect(uncertainty.parameters[0]?.se).toBeCloseTo(Math.sqrt((25 * w[1]) / det), 6);
    expect(uncertainty.parameters[1]?.se).toBeCloseTo(Math.sqrt((100 * w[0] + 4 * w[1]) / det), 6);
  });
});

// The Shapley decomposition on value functions whose answer is known: independent additive
// components get their own effects and no interaction; a product of switches is split as Shapley
// prescribes; exact and sampled designs agree with the truth within their intervals.
import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../sim/engine/random.js';
import { designDecomposition, EXACT_MAX_COMPONENTS, type DecompositionDesign } from '../../analysis/decomposition/design.js';
import { analyseDecomposition } from '../../analysis/decomposition/shapley.js';
import { additiveModel, switchProductModel, type TestModel } from '../../analysis/decomposition/test-models.js';

const REPLICATIONS = 12;
const rng = (seed = 7) => new RandomStreams(seed, 0).stream('decomposition.orders');

function run(model: TestModel, design: DecompositionDesign, replications = REPLICATIONS) {
  const values = design.coalitions.map((key) => Array.from({ length: replications }, (_, r) => model.value(key, r)));
  return analyseDecomposition(design, values);
}

describe('decomposition design', () => {
  it('runs every coalition once up to the exact limit, the reference first and the package last', () => {
    const design = designDecomposition(4, 64, rng());
    expect(design.method).toBe('exact');
    expect(design.coalitions).toHaveLength(16);
    expect(new Set(design.coalitions).size).toBe(16);
    expect(design.coalitions[0]).toBe('0000');
    expect(design.coalitions[15]).toBe('1111');
    expect(designDecomposition(EXACT_MAX_COMPONENTS, 2, rng()).coalitions).toHaveLength(1024);
  });

  it('beyond the limit samples orders: deterministic per seed, and every single and leave-one-out coalition runs', () => {
    const k = 12;
    const design = designDecomposition(k, 8, rng());
    expect(design.method).toBe('sampled');
    expect(design.orders).toHaveLength(8);
    for (const order of design.orders) expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: k }, (_, i) => i));
    expect(designDecomposition(k, 8, rng())).toEqual(design);
    expect(designDecomposition(k, 8, rng(8)).orders).not.toEqual(design.orders);
    const keys = new Set(design.coalitions);
    expect(keys.size).toBe(design.coalitions.length);
    for (let i = 0; i < k; i++) {
      expect(keys.has('0'.repeat(k).slice(0, i) + '1' + '0'.repeat(k - i - 1))).toBe(true);
      expect(keys.has('1'.repeat(k).slice(0, i) + '0' + '1'.repeat(k - i - 1))).toBe(true);
    }
    expect(() => designDecomposition(k, 1, rng())).toThrow(/orders must be a whole number >= 2/);
  });
});

describe('Shapley decomposition, exact', () => {
  it('independent additive components: each gets its own effect, alone = leave-one-out = Shapley, zero interaction', () => {
    const effects = [-40, 12.5, 0, 3];
    const model = additiveModel(effects);
    const result = run(model, designDecomposition(effects.length, 2, rng()));
    expect(result.replications).toBe(REPLICATIONS);
    result.components.forEach((c, i) => {
      // Each component's wobble has mean ~0 over 12 replications; its CI must cover the true effect.
      expect(c.shapley.ci95_low).toBeLessThanOrEqual(effects[i]!);
      expect(c.shapley.ci95_high).toBeGreaterThanOrEqual(effects[i]!);
      expect(c.alone.mean).toBeCloseTo(c.shapley.mean, 10);
      expect(c.leave_one_out.mean).toBeCloseTo(c.shapley.mean, 10);
      expect(c.interaction.mean).toBeCloseTo(0, 10);
      expect(c.interaction.sd).toBeCloseTo(0, 10);
    });
    expect(result.interaction.mean).toBeCloseTo(0, 10);
    // The shared level cancels in every paired difference: the total's spread is the wobbles' only.
    expect(result.total.mean).toBeCloseTo(result.components.reduce((s, c) => s + c.shapley.mean, 0), 10);
  });

  it('a product of two switches: each gets half, all of it interaction; alone sees nothing, leave-one-out all', () => {
    const model = switchProductModel([0, 0, 5], 2, 30);
    const result = run(model, designDecomposition(3, 2, rng()));
    const [a, b, c] = result.components;
    for (const s of [a!, b!]) {
      expect(s.shapley.mean).toBeCloseTo(15 + (s === a ? meanNoise(0) : meanNoise(1)), 10);
      expect(s.alone.mean - (s === a ? meanNoise(0) : meanNoise(1))).toBeCloseTo(0, 10);
      expect(s.interaction.mean).toBeCloseTo(15, 10);
      expect(s.leave_one_out.mean - (s === a ? meanNoise(0) : meanNoise(1))).toBeCloseTo(30, 10);
    }
    expect(c!.interaction.mean).toBeCloseTo(0, 10);
    expect(result.interaction.mean).toBeCloseTo(30, 10);
  });

  it('Shapley values add up to the total in every replication, whatever the value function', () => {
    const k = 5;
    const design = designDecomposition(k, 2, rng());
    const values = design.coalitions.map((key) => Array.from({ length: 6 }, (_, r) => Math.sin(parseInt(key, 2) * 3.1 + r) * 10 + key.split('1').length ** 2));
    const result = analyseDecomposition(design, values);
    expect(result.components.reduce((s, c) => s + c.shapley.mean, 0)).toBeCloseTo(result.total.mean, 10);
    expect(result.components.reduce((s, c) => s + c.interaction.mean, 0)).toBeCloseTo(result.interaction.mean, 10);
  });

  it('leaves out replications where some coalition lacks the metric, and says how many remain', () => {
    const design = designDecomposition(2, 2, rng());
    const values = design.coalitions.map((key, c) => [1, 2, 3].map((r) => (c === 3 && r === 2 ? null : r + (key === '11' ? 5 : 0))));
    const result = analyseDecomposition(design, values);
    expect(result.replications).toBe(2);
    expect(result.total.n).toBe(2);
    expect(result.total.mean).toBe(5);
    const none = analyseDecomposition(design, design.coalitions.map(() => [null, null]));
    expect(none.replications).toBe(0);
    expect(none.total.n).toBe(0);
  });
});

function meanNoise(component: number): number {
  const model = additiveModel([0, 0, 0]);
  const on = ['100', '010', '001'][component]!;
  return Array.from({ length: REPLICATIONS }, (_, r) => model.value(on, r) - model.value('000', r)).reduce((a, b) => a + b, 0) / REPLICATIONS;
}

describe('Shapley decomposition, sampled orders', () => {
  const k = EXACT_MAX_COMPONENTS + 2;

  it('additive components: exact along every order, so every figure is the exact one and interaction is zero', () => {
    const effects = Array.from({ length: k }, (_, i) => (i % 3 === 0 ? -10 * i : i));
    const result = run(additiveModel(effects), designDecomposition(k, 6, rng()));
    result.components.forEach((c, i) => {
      expect(c.shapley.mean).toBeCloseTo(c.alone.mean, 10);
      expect(c.interaction.mean).toBeCloseTo(0, 10);
      expect(c.shapley.ci95_low).toBeLessThanOrEqual(effects[i]!);
      expect(c.shapley.ci95_high).toBeGreaterThanOrEqual(effects[i]!);
    });
    expect(result.interaction.mean).toBeCloseTo(0, 10);
  });

  it('a product of two switches is split exactly in half: an order and its reverse see both orders of the pair', () => {
    const result = run(switchProductModel(new Array<number>(k).fill(0), 2, 30), designDecomposition(k, 4, rng()));
    expect(result.components[0]!.interaction.mean).toBeCloseTo(15, 10);
    expect(result.components[1]!.interaction.mean).toBeCloseTo(15, 10);
    for (const c of result.components.slice(2)) expect(c.interaction.mean).toBeCloseTo(0, 10);
  });

  it('a product of three switches: each third lies within the interval the orders and replications give', () => {
    // Along an order only the last of the three to switch on sees the product, so a finite sample
    // of orders estimates the thirds with an error; the interval must carry that error.
    let covered = 0;
    const seeds = 20;
    for (let seed = 1; seed <= seeds; seed++) {
      const result = run(switchProductModel(new Array<number>(k).fill(0), 3, 30), designDecomposition(k, 16, rng(seed)));
      for (const c of result.components.slice(0, 3)) {
        const truth = 10 + (c.alone.mean);
        if (c.shapley.ci95_low <= truth && truth <= c.shapley.ci95_high) covered++;
      }
      expect(result.components.slice(0, 3).reduce((s, c) => s + c.interaction.mean, 0)).toBeCloseTo(30, 10);
    }
    // 60 intervals at 95%: fewer than 50 covering would happen with probability < 1e-3.
    expect(covered).toBeGreaterThanOrEqual(50);
  });
});

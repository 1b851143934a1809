// Value functions with known decompositions, to check the Shapley analysis the way Ishigami checks
// Sobol: v(S, r) is the metric under coalition S (a key of '0'/'1' per component) in replication r.
// Each replication has its own noise, shared by all its coalitions as common random numbers are.
export interface TestModel {
  components: number;
  value(coalition: string, replication: number): number;
  /** The true Shapley value of each component (the mean over replications where noise enters). */
  shapley: number[];
  /** The true package interaction: total minus the sum of the components' effects alone. */
  interaction: number;
}

/** A replication's shared level and each component's own wobble: deterministic, mean zero. */
function noise(replication: number, component: number): number {
  return Math.sin(12.9898 * (replication + 1) + 78.233 * (component + 1)) * 0.5;
}

/** Independent additive components: v = level_r + sum over S of (effect_i + wobble_ir). */
export function additiveModel(effects: readonly number[]): TestModel {
  return {
    components: effects.length,
    value: (coalition, r) => 100 + 10 * noise(r, -1) + effects.reduce((sum, e, i) => sum + (coalition[i] === '1' ? e + noise(r, i) : 0), 0),
    shapley: [...effects],
    interaction: 0,
  };
}

/**
 * Additive components plus `size` switches whose effect `product` appears only when all of them are
 * on (the first `size` components): Shapley gives each switch product / size of it.
 */
export function switchProductModel(effects: readonly number[], size: number, product: number): TestModel {
  const additive = additiveModel(effects);
  return {
    components: effects.length,
    value: (coalition, r) => additive.value(coalition, r) + (coalition.slice(0, size).split('').every((bit) => bit === '1') ? product : 0),
    shapley: effects.map((e, i) => e + (i < size ? product / size : 0)),
    interaction: product,
  };
}

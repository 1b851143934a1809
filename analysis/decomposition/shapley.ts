// From the value of every coalition in every replication to each component's share of a package's
// effect. Everything is computed per replication first (the coalitions of one replication share
// their random numbers, so within a replication the differences are free of the children's luck),
// then summarised over the replications with a t interval.
//
// Definitions, per metric, with v(S) the metric under coalition S, N all k components and 0 none:
// - total: v(N) - v(0), the package's effect.
// - shapley_i: the mean over all orders of switching the components on of what switching i on adds
//   (exact: sum over S without i of |S|!(k-|S|-1)!/k! (v(S+i) - v(S))). They add up to the total.
// - alone_i: v({i}) - v(0), switching only i on.
// - leave_one_out_i: v(N) - v(N-i), what the package loses without i.
// - interaction_i: shapley_i - alone_i, the part of i's Shapley value that comes from acting
//   together with other components; summed over i it is the package's interaction,
//   total - sum_i alone_i: zero for independent additive components, all of the effect for a
//   product of two switches (which Shapley then splits half and half).
import { studentTQuantile, summarise, type MetricSummary } from '../statistics/summary.js';
import { chain, coalitionKey, type DecompositionDesign } from './design.js';

export interface ComponentEffects {
  shapley: MetricSummary;
  alone: MetricSummary;
  leave_one_out: MetricSummary;
  interaction: MetricSummary;
  /** shapley / total of the means; null when the total's CI includes 0 (a share of nothing seen). */
  share_of_total: number | null;
}

export interface MetricDecomposition {
  /** Replications in which every coalition defined the metric (the others are left out). */
  replications: number;
  total: MetricSummary;
  sum_alone: MetricSummary;
  interaction: MetricSummary;
  components: ComponentEffects[];
}

function factorial(n: number): number {
  let f = 1;
  for (let i = 2; i <= n; i++) f *= i;
  return f;
}

/** Summary of per-replication estimates, with the orders' own sampling error added when sampled. */
function withOrderError(perReplication: readonly number[], perOrder: readonly number[]): MetricSummary {
  const s = summarise(perReplication);
  if (perOrder.length < 2 || s.n === 0) return s;
  const order = summarise(perOrder);
  const se = Math.sqrt((s.n > 1 ? s.sd ** 2 / s.n : 0) + order.sd ** 2 / order.n);
  // The replications' t quantile (the orders' when there is one replication): conservative, as the
  // two standard errors overlap in the replication-by-order noise.
  const half = studentTQuantile(0.975, s.n > 1 ? s.n - 1 : order.n - 1) * se;
  return { mean: s.mean, sd: s.sd, ci95_low: s.mean - half, ci95_high: s.mean + half, n: s.n };
}

function exactShapley(k: number, v: (key: string) => number): number[] {
  const weights = Array.from({ length: k }, (_, size) => (factorial(size) * factorial(k - size - 1)) / factorial(k));
  const phi = new Array<number>(k).fill(0);
  for (let mask = 0; mask < 2 ** k; mask++) {
    const members = Array.from({ length: k }, (_, i) => i).filter((i) => (mask >> i) & 1);
    const without = coalitionKey(members, k);
    for (let i = 0; i < k; i++) {
      if ((mask >> i) & 1) continue;
      phi[i]! += weights[members.length]! * (v(coalitionKey([...members, i], k)) - v(without));
    }
  }
  return phi;
}

/** What each component adds along one order; indexed by component. */
function marginals(order: readonly number[], v: (key: string) => number): number[] {
  const keys = chain(order);
  const added = new Array<number>(order.length).fill(0);
  order.forEach((component, step) => {
    added[component] = v(keys[step + 1]!) - v(keys[step]!);
  });
  return added;
}

/** An order and its reverse, averaged: the sampled design's unit. */
function pairMarginals(order: readonly number[], v: (key: string) => number): number[] {
  const forward = marginals(order, v);
  const backward = marginals([...order].reverse(), v);
  return forward.map((f, i) => (f + backward[i]!) / 2);
}

/**
 * values[c][r]: the metric under design.coalitions[c] in replication r, null where the replication
 * did not define it. Only replications that define it under every coalition count; with none,
 * every figure is NaN with n 0, as summarise gives for a metric no replication defined.
 */
export function analyseDecomposition(design: DecompositionDesign, values: ReadonlyArray<ReadonlyArray<number | null>>): MetricDecomposition {
  const k = design.components;
  if (values.length !== design.coalitions.length) {
    throw new RangeError(`analyseDecomposition: expected ${design.coalitions.length} coalitions of values (one per coalition of the design), got ${values.length}`);
  }
  const replications = values[0]?.length ?? 0;
  const complete = Array.from({ length: replications }, (_, r) => r).filter((r) => values.every((row) => typeof row[r] === 'number'));
  const index = new Map(design.coalitions.map((key, c) => [key, c]));
  const valueIn = (r: number) => (key: string): number => {
    const c = index.get(key);
    if (c === undefined) throw new RangeError(`analyseDecomposition: coalition ${key} was not run; the design must include it`);
    return values[c]![r] as number;
  };
  const all = Array.from({ length: k }, (_, i) => i);
  const none = coalitionKey([], k);
  const full = coalitionKey(all, k);
  const perReplication = complete.map((r) => {
    const v = valueIn(r);
    const pairs = design.orders.map((order) => pairMarginals(order, v));
    const shapley = design.method === 'exact' ? exactShapley(k, v) : all.map((i) => pairs.reduce((sum, p) => sum + p[i]!, 0) / pairs.length);
    const alone = all.map((i) => v(coalitionKey([i], k)) - v(none));
    const leaveOneOut = all.map((i) => v(full) - v(coalitionKey(all.filter((j) => j !== i), k)));
    return { total: v(full) - v(none), shapley, alone, leaveOneOut, pairs };
  });
  // The orders' spread: each pair's marginals averaged over the replications.
  const perOrder = (i: number, minus: (p: (typeof perReplication)[number]) => number): number[] =>
    design.orders.map((_, o) => perReplication.reduce((sum, rep) => sum + rep.pairs[o]![i]! - minus(rep), 0) / Math.max(1, perReplication.length));
  const total = summarise(perReplication.map((rep) => rep.total));
  const totalSeen = total.n > 0 && !(total.ci95_low <= 0 && total.ci95_high >= 0);
  const components = all.map((i): ComponentEffects => {
    const shapley = withOrderError(perReplication.map((rep) => rep.shapley[i]!), perOrder(i, () => 0));
    return {
      shapley,
      alone: summarise(perReplication.map((rep) => rep.alone[i]!)),
      leave_one_out: summarise(perReplication.map((rep) => rep.leaveOneOut[i]!)),
      interaction: withOrderError(perReplication.map((rep) => rep.shapley[i]! - rep.alone[i]!), perOrder(i, (rep) => rep.alone[i]!)),
      share_of_total: totalSeen && total.mean !== 0 ? shapley.mean / total.mean : null,
    };
  });
  const sumAlone = perReplication.map((rep) => rep.alone.reduce((a, b) => a + b, 0));
  return {
    replications: complete.length,
    total,
    sum_alone: summarise(sumAlone),
    interaction: summarise(perReplication.map((rep, r) => rep.total - sumAlone[r]!)),
    components,
  };
}

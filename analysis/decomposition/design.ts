// Which coalitions of a package's components are run. A coalition is written as a string of k
// characters, '1' where component i is switched on ('000' is the reference, '111' the package).
// Up to EXACT_MAX_COMPONENTS components every coalition runs (2^k), so Shapley values are exact up to
// replication noise; beyond that, random orders are run, each also reversed (antithetic: an order
// and its reverse see every pair of components in both orders, so two-way interactions are split
// exactly), plus every coalition the one-at-a-time and leave-one-out effects need.
import type { Rng } from '../../sim/engine/random.js';

export const EXACT_MAX_COMPONENTS = 10;

export interface DecompositionDesign {
  components: number;
  method: 'exact' | 'sampled';
  /** Every coalition run, each once; coalitions[0] is the reference. */
  coalitions: string[];
  /** The sampled orders (each also run reversed); empty for exact. */
  orders: number[][];
}

export function coalitionKey(members: Iterable<number>, k: number): string {
  const bits = new Array<string>(k).fill('0');
  for (const i of members) bits[i] = '1';
  return bits.join('');
}

function exactCoalitions(k: number): string[] {
  return Array.from({ length: 2 ** k }, (_, mask) => coalitionKey(Array.from({ length: k }, (_, i) => i).filter((i) => (mask >> i) & 1), k));
}

function shuffled(k: number, rng: Rng): number[] {
  const order = Array.from({ length: k }, (_, i) => i);
  for (let i = k - 1; i > 0; i--) {
    const j = Math.min(i, Math.floor(rng.next() * (i + 1)));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

/** The coalitions an order passes through: after 0, 1, ..., k components are on. */
export function chain(order: readonly number[]): string[] {
  const k = order.length;
  return Array.from({ length: k + 1 }, (_, size) => coalitionKey(order.slice(0, size), k));
}

/** `orders` matters only beyond EXACT_MAX_COMPONENTS components; all randomness comes from rng. */
export function designDecomposition(k: number, orders: number, rng: Rng): DecompositionDesign {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`designDecomposition: components must be a whole number >= 1, got ${k}`);
  if (k <= EXACT_MAX_COMPONENTS) return { components: k, method: 'exact', coalitions: exactCoalitions(k), orders: [] };
  if (!Number.isInteger(orders) || orders < 2) throw new RangeError(`designDecomposition: orders must be a whole number >= 2 (their spread gives the CI), got ${orders}`);
  const all = Array.from({ length: k }, (_, i) => i);
  const fixed = [
    coalitionKey([], k),
    coalitionKey(all, k),
    ...all.map((i) => coalitionKey([i], k)),
    ...all.map((i) => coalitionKey(all.filter((j) => j !== i), k)),
  ];
  const sampled = Array.from({ length: orders }, () => shuffled(k, rng));
  const seen = new Set<string>();
  const coalitions: string[] = [];
  for (const key of [...fixed, ...sampled.flatMap((order) => [...chain(order), ...chain([...order].reverse())])]) {
    if (seen.has(key)) continue;
    seen.add(key);
    coalitions.push(key);
  }
  return { components: k, method: 'sampled', coalitions, orders: sampled };
}

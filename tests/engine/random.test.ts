import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RandomStreams, hash128, replicationSeed, type Rng } from '../../sim/engine/random.js';

function draws(rng: Rng, n: number): number[] {
  return Array.from({ length: n }, () => rng.next());
}

describe('RandomStreams: exact behaviour', () => {
  it('gives the same sequence for the same (seed, replication, name, entity)', () => {
    const a = new RandomStreams(42, 3).stream('pupil.onset', 5);
    const b = new RandomStreams(42, 3).stream('pupil.onset', 5);
    expect(draws(a, 50)).toEqual(draws(b, 50));
  });

  it('pins known answers for the documented derivation (change only with a changelog line)', () => {
    expect(replicationSeed(1, 0)).toBe(2832711798626195);
    const first = draws(new RandomStreams(20240101, 3).stream('pupil.onset', 5), 1)[0];
    expect(first).toBe(0.9020730217453092);
  });

  it('gives different sequences for a different name, entity, entity type, replication or seed', () => {
    const reference = draws(new RandomStreams(42, 3).stream('pupil.onset', 5), 5);
    const variants = [
      new RandomStreams(42, 3).stream('pupil.needs', 5),
      new RandomStreams(42, 3).stream('pupil.onset', 6),
      new RandomStreams(42, 3).stream('pupil.onset', '5'),
      new RandomStreams(42, 3).stream('pupil.onset'),
      new RandomStreams(42, 4).stream('pupil.onset', 5),
      new RandomStreams(43, 3).stream('pupil.onset', 5),
    ];
    for (const variant of variants) expect(draws(variant, 5)).not.toEqual(reference);
  });

  it('keeps common random numbers: entity 5 is unaffected by draws on other streams', () => {
    const quiet = new RandomStreams(7, 0);
    const alone = draws(quiet.stream('care.waitTime', 5), 20);

    const busy = new RandomStreams(7, 0);
    const other = busy.stream('care.waitTime', 4);
    const otherName = busy.stream('escalation.outcome');
    draws(other, 1000);
    const interleaved: number[] = [];
    const mine = busy.stream('care.waitTime', 5);
    for (let i = 0; i < 20; i++) {
      draws(otherName, i); // a policy change that makes a varying number of unrelated draws
      interleaved.push(mine.next());
    }
    expect(interleaved).toEqual(alone);
  });

  it('does not let the name/entity boundary be ambiguous', () => {
    // Without the length prefix 'a|n5' with no entity and 'a' with entity 5 could share a key.
    const streams = new RandomStreams(1, 0);
    expect(draws(streams.stream('a|n5'), 5)).not.toEqual(draws(streams.stream('a', 5), 5));
  });

  it('derives replication seeds from (seed, replication) only: pure, distinct, below 2^53', () => {
    const seeds = new Set<number>();
    for (let r = 0; r < 1000; r++) {
      const seed = replicationSeed(123, r);
      expect(seed).toBe(replicationSeed(123, r));
      expect(Number.isSafeInteger(seed) && seed >= 0).toBe(true);
      seeds.add(seed);
    }
    expect(seeds.size).toBe(1000);
    expect(new RandomStreams(123, 9).seed).toBe(replicationSeed(123, 9));
  });

  it('rejects bad seeds, replications, names and entities, naming the parameter', () => {
    expect(() => new RandomStreams(1.5, 0)).toThrow('masterSeed must be a safe integer, got 1.5');
    expect(() => new RandomStreams(1, -1)).toThrow('replication must be an integer >= 0, got -1');
    expect(() => replicationSeed(1, 0.5)).toThrow('replication must be an integer >= 0, got 0.5');
    expect(() => new RandomStreams(1, 0).stream('')).toThrow('name must be a non-empty string');
    expect(() => new RandomStreams(1, 0).stream('x', Number.NaN)).toThrow('entity must be a finite number or a string, got NaN');
  });

  it('gives nextUint32 as the exact 32-bit integer behind next()', () => {
    const a = new RandomStreams(5, 1).stream('x');
    const b = new RandomStreams(5, 1).stream('x');
    for (let i = 0; i < 1000; i++) {
      const integer = a.nextUint32();
      expect(Number.isInteger(integer) && integer >= 0 && integer < 2 ** 32).toBe(true);
      expect(integer / 2 ** 32).toBe(b.next());
    }
  });

  it('hash128 changes every lane when one character changes', () => {
    const a = hash128('1|11|pupil.onset|n41');
    const b = hash128('1|11|pupil.onset|n42');
    for (let lane = 0; lane < 4; lane++) expect(a[lane]).not.toBe(b[lane]);
  });
});

describe('RandomStreams: properties', () => {
  it('any seed, replication, name and entity give values in [0, 1)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
        fc.nat(10_000),
        fc.string({ minLength: 1, maxLength: 30 }),
        fc.option(fc.oneof(fc.integer(), fc.string()), { nil: undefined }),
        (seed, replication, name, entity) => {
          const rng = new RandomStreams(seed, replication).stream(name, entity);
          return draws(rng, 20).every((u) => u >= 0 && u < 1);
        },
      ),
      { seed: 20240101, numRuns: 300 },
    );
  });

  it('is deterministic for any key', () => {
    fc.assert(
      fc.property(fc.integer(), fc.nat(100), fc.string({ minLength: 1 }), fc.integer(), (seed, replication, name, entity) => {
        const a = draws(new RandomStreams(seed, replication).stream(name, entity), 10);
        const b = draws(new RandomStreams(seed, replication).stream(name, entity), 10);
        return a.every((u, i) => u === b[i]);
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});

/** Chi-square statistic of values in [0, 1) over equal bins. */
function chiSquare(values: readonly number[], bins: number): number {
  const counts = new Array<number>(bins).fill(0);
  for (const u of values) counts[Math.floor(u * bins)]! += 1;
  const expected = values.length / bins;
  return counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
}

/** Lag-1 serial correlation coefficient. */
function lag1Correlation(values: readonly number[]): number {
  const n = values.length;
  const mean = values.reduce((s, x) => s + x, 0) / n;
  let numerator = 0;
  let denominator = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i]! - mean;
    denominator += d * d;
    if (i + 1 < n) numerator += d * (values[i + 1]! - mean);
  }
  return numerator / denominator;
}

// Chi-square with 99 degrees of freedom (100 bins): the critical value at alpha = 0.001 is 148.23.
// Fixed seeds make the test deterministic; alpha says how unlucky a correct generator would have to be.
const CHI_SQUARE_99_ALPHA_0_001 = 148.23;
// Under independence the lag-1 correlation is ~ N(0, 1/n); 4.5 standard errors is ~7e-6 two-sided.
const correlationBound = (n: number) => 4.5 / Math.sqrt(n);

describe('RandomStreams: statistical quality', () => {
  it('one stream is uniform (chi-square, 100 bins) and serially uncorrelated (lag 1)', () => {
    const values = draws(new RandomStreams(2024, 0).stream('uniformity'), 200_000);
    expect(chiSquare(values, 100)).toBeLessThan(CHI_SQUARE_99_ALPHA_0_001);
    expect(Math.abs(lag1Correlation(values))).toBeLessThan(correlationBound(values.length));
  });

  it('first draws across consecutive entities are uniform and uncorrelated (what per-pupil streams rely on)', () => {
    const streams = new RandomStreams(2024, 1);
    const firsts = Array.from({ length: 100_000 }, (_, id) => streams.stream('pupil.onset', id).next());
    expect(chiSquare(firsts, 100)).toBeLessThan(CHI_SQUARE_99_ALPHA_0_001);
    expect(Math.abs(lag1Correlation(firsts))).toBeLessThan(correlationBound(firsts.length));
  });

  it('first draws of two names for the same entity are uncorrelated', () => {
    const streams = new RandomStreams(99, 0);
    const n = 50_000;
    const onset = Array.from({ length: n }, (_, id) => streams.stream('pupil.onset', id).next());
    const needs = Array.from({ length: n }, (_, id) => streams.stream('pupil.needs', id).next());
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const mo = mean(onset);
    const mn = mean(needs);
    let covariance = 0;
    for (let i = 0; i < n; i++) covariance += (onset[i]! - mo) * (needs[i]! - mn);
    // Correlation = covariance / (n * var), var of U(0,1) = 1/12; its SE under independence is 1/sqrt(n).
    expect(Math.abs(covariance / n / (1 / 12))).toBeLessThan(correlationBound(n));
  });
});

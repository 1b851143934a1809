import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../sim/engine/random.js';
import { QuantileEstimator } from '../../sim/engine/statistics/quantiles.js';
import { Tally } from '../../sim/engine/statistics/tally.js';
import { TimeWeighted } from '../../sim/engine/statistics/time-weighted.js';

describe('Tally', () => {
  it('gives exact count, mean, sample variance, min and max for a small set', () => {
    const tally = new Tally();
    for (const x of [2, 4, 4, 4, 5, 5, 7, 9]) tally.add(x);
    expect(tally.count).toBe(8);
    expect(tally.mean).toBe(5);
    expect(tally.variance).toBeCloseTo(32 / 7, 12);
    expect(tally.sd).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(tally.min).toBe(2);
    expect(tally.max).toBe(9);
    expect(tally.sum).toBe(40);
  });

  it('reports NaN where a statistic is undefined', () => {
    const tally = new Tally();
    expect(tally.mean).toBeNaN();
    expect(tally.min).toBeNaN();
    tally.add(3);
    expect(tally.mean).toBe(3);
    expect(tally.variance).toBeNaN();
    expect(() => tally.add(Number.NaN)).toThrow(/x is NaN/);
  });

  it('keeps its digits where the naive sum of squares cancels (Welford)', () => {
    const tally = new Tally();
    for (const x of [1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]) tally.add(x);
    expect(tally.variance).toBeCloseTo(30, 9);
  });
});

describe('TimeWeighted', () => {
  it('averages a step function by the time each value was held', () => {
    const queue = new TimeWeighted(0, 0);
    queue.update(2, 3);
    queue.update(5, 1);
    queue.update(5, 4);
    // 0 on [0,2), 3 on [2,5), 4 on [5,10]: (0 + 9 + 20) / 10.
    expect(queue.area(10)).toBe(29);
    expect(queue.average(10)).toBeCloseTo(2.9, 12);
    expect(queue.max).toBe(4);
    expect(queue.value).toBe(4);
  });

  it('starts at the given time and value and rejects time going back', () => {
    const busy = new TimeWeighted(10, 2);
    expect(busy.average(10)).toBeNaN();
    expect(busy.average(14)).toBe(2);
    busy.update(12, 0);
    expect(() => busy.update(11, 1)).toThrow(/time 11 lies before the last update at 12/);
    expect(() => busy.area(11)).toThrow(/until 11 lies before/);
  });
});

describe('QuantileEstimator', () => {
  it('is exact (type 7 interpolation) below the exact limit', () => {
    const q = new QuantileEstimator();
    for (const x of [10, 1, 7, 3, 5]) q.add(x);
    expect(q.exact).toBe(true);
    expect(q.quantile(0)).toBe(1);
    expect(q.quantile(0.5)).toBe(5);
    expect(q.quantile(1)).toBe(10);
    expect(q.quantile(0.1)).toBeCloseTo(1.8, 12);
    expect(new QuantileEstimator().quantile(0.5)).toBeNaN();
    expect(() => q.quantile(1.5)).toThrow(/p is 1.5/);
  });

  it('stays within its relative accuracy of the exact order statistic after switching to the sketch', () => {
    const accuracy = 0.01;
    const q = new QuantileEstimator({ exactLimit: 1000, relativeAccuracy: accuracy });
    const rng = new RandomStreams(7, 0).stream('quantile-test');
    const values: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      // Lognormal-ish spread over decades, a block of exact zeros and some negatives.
      const u = rng.next();
      const x = i % 10 === 0 ? 0 : i % 7 === 0 ? -Math.exp(4 * u) : Math.exp(8 * u - 4);
      values.push(x);
      q.add(x);
    }
    expect(q.exact).toBe(false);
    expect(q.count).toBe(20_000);
    values.sort((a, b) => a - b);
    for (const p of [0, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 1]) {
      const reference = values[Math.floor(p * (values.length - 1))]!;
      const estimate = q.quantile(p);
      expect(Math.abs(estimate - reference)).toBeLessThanOrEqual(accuracy * Math.abs(reference) + 1e-12);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { pairedDifference, studentTQuantile, summarise } from '../../analysis/statistics/summary.js';

describe('studentTQuantile', () => {
  it('matches t table values to the table precision', () => {
    expect(studentTQuantile(0.975, 9)).toBeCloseTo(2.262, 3);
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.706, 3);
    expect(studentTQuantile(0.975, 30)).toBeCloseTo(2.042, 3);
    expect(studentTQuantile(0.95, 4)).toBeCloseTo(2.132, 3);
    expect(studentTQuantile(0.995, 2)).toBeCloseTo(9.925, 3);
  });

  it('matches closed forms to near machine precision', () => {
    // df = 1 is Cauchy: t_p = tan(pi (p - 1/2)); df = 2: t_p = (2p - 1) sqrt(2 / (4p(1 - p))).
    for (const p of [0.6, 0.9, 0.975, 0.999]) {
      expect(studentTQuantile(p, 1)).toBeCloseTo(Math.tan(Math.PI * (p - 0.5)), 9);
      expect(studentTQuantile(p, 2)).toBeCloseTo((2 * p - 1) * Math.sqrt(2 / (4 * p * (1 - p))), 9);
    }
  });

  it('is antisymmetric, approaches the normal quantile, and rejects bad input', () => {
    expect(studentTQuantile(0.025, 9)).toBeCloseTo(-studentTQuantile(0.975, 9), 12);
    expect(studentTQuantile(0.5, 7)).toBe(0);
    expect(studentTQuantile(0.975, 1e7)).toBeCloseTo(1.959964, 5);
    expect(() => studentTQuantile(1, 5)).toThrow(/p must be in \(0, 1\), got 1/);
    expect(() => studentTQuantile(0.9, 0)).toThrow(/df must be a positive number, got 0/);
  });
});

describe('summarise', () => {
  it('gives mean, sample sd and the t interval of a hand-computed sample', () => {
    // 1..10: mean 5.5, sample variance 55/6, sd 3.02765; half-width 2.262157 * 3.02765 / sqrt(10) = 2.16585.
    const s = summarise([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(s.n).toBe(10);
    expect(s.mean).toBe(5.5);
    expect(s.sd).toBeCloseTo(Math.sqrt(55 / 6), 12);
    expect(s.ci95_low).toBeCloseTo(5.5 - 2.16585, 4);
    expect(s.ci95_high).toBeCloseTo(5.5 + 2.16585, 4);
  });

  it('handles one value and no values explicitly', () => {
    expect(summarise([4.2])).toEqual({ mean: 4.2, sd: 0, ci95_low: 4.2, ci95_high: 4.2, n: 1 });
    const empty = summarise([]);
    expect(empty.n).toBe(0);
    expect(Number.isNaN(empty.mean) && Number.isNaN(empty.sd) && Number.isNaN(empty.ci95_low) && Number.isNaN(empty.ci95_high)).toBe(true);
  });

  it('two values use t with 1 df', () => {
    // mean 2, sd sqrt(2), half-width 12.7062 * sqrt(2) / sqrt(2) = 12.7062.
    const s = summarise([1, 3]);
    expect(s.ci95_high - s.mean).toBeCloseTo(12.7062, 4);
  });

  it('rejects non-finite values naming the index', () => {
    expect(() => summarise([1, Number.NaN])).toThrow(/values\[1\] must be a finite number, got NaN/);
  });
});

describe('pairedDifference', () => {
  it('summarises a[i] - b[i]', () => {
    // Differences 1, 2, 3: mean 2, sd 1, half-width 4.302653 / sqrt(3) = 2.48414.
    const s = pairedDifference([11, 22, 33], [10, 20, 30]);
    expect(s.mean).toBe(2);
    expect(s.sd).toBe(1);
    expect(s.ci95_low).toBeCloseTo(2 - 2.48414, 4);
    expect(s.ci95_high).toBeCloseTo(2 + 2.48414, 4);
  });

  it('rejects samples of different length', () => {
    expect(() => pairedDifference([1, 2], [1])).toThrow(/same length.*got 2 and 1/);
  });
});

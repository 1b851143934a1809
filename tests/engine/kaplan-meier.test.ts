// Known answers for the Kaplan-Meier estimator, and its agreement with the plain empirical distribution
// when nothing is censored.
import { describe, expect, it } from 'vitest';
import { KaplanMeier } from '../../sim/engine/statistics/kaplan-meier.js';

describe('Kaplan-Meier', () => {
  it('equals the empirical distribution without censoring', () => {
    const km = new KaplanMeier([1, 2, 3, 4].map((time) => ({ time, event: true })));
    expect(km.shareBy(2)).toBeCloseTo(0.5, 12);
    expect(km.quantile(0.5)).toBe(2);
    expect(km.quantile(0.9)).toBe(4);
  });

  it('keeps censored observations at risk up to their time (textbook example)', () => {
    // Times 1, 2+, 3, 4+, 5: S(1) = 4/5, S(3) = 4/5 * 2/3, S(5) = 0.
    const km = new KaplanMeier([
      { time: 1, event: true },
      { time: 2, event: false },
      { time: 3, event: true },
      { time: 4, event: false },
      { time: 5, event: true },
    ]);
    expect(km.shareBy(1)).toBeCloseTo(0.2, 12);
    expect(km.shareBy(3)).toBeCloseTo(1 - (4 / 5) * (2 / 3), 12);
    expect(km.shareBy(5)).toBeCloseTo(1, 12);
    expect(km.quantile(0.5)).toBe(5);
  });

  it('returns null for a quantile the curve never reaches', () => {
    const km = new KaplanMeier([
      { time: 1, event: true },
      { time: 10, event: false },
      { time: 10, event: false },
    ]);
    expect(km.quantile(0.5)).toBeNull();
    expect(km.shareBy(100)).toBeCloseTo(1 / 3, 12);
  });
});

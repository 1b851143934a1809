import { describe, expect, it } from 'vitest';
import type { Distribution } from '../../sim/engine/distributions/distribution.js';
import { Empirical } from '../../sim/engine/distributions/empirical.js';
import { Exponential } from '../../sim/engine/distributions/exponential.js';
import { Fixed } from '../../sim/engine/distributions/fixed.js';
import { Gamma } from '../../sim/engine/distributions/gamma.js';
import { gammaFunction } from '../../sim/engine/distributions/gamma-function.js';
import { Lognormal } from '../../sim/engine/distributions/lognormal.js';
import { Mixture } from '../../sim/engine/distributions/mixture.js';
import { Piecewise } from '../../sim/engine/distributions/piecewise.js';
import { distributionSpecSchema, makeDistribution } from '../../sim/engine/distributions/spec.js';
import { Triangular } from '../../sim/engine/distributions/triangular.js';
import { Uniform } from '../../sim/engine/distributions/uniform.js';
import { Weibull } from '../../sim/engine/distributions/weibull.js';
import { RandomStreams, type Rng } from '../../sim/engine/random.js';

/** Raw moments E[X^n], n = 1..4, computed independently of the code under test. */
type RawMoment = (n: number) => number;

const risingFactorial = (k: number, n: number) => Array.from({ length: n }, (_, i) => k + i).reduce((p, x) => p * x, 1);
const uniformRaw = (a: number, b: number): RawMoment => (n) => (b ** (n + 1) - a ** (n + 1)) / ((n + 1) * (b - a));
const factorial = (n: number) => risingFactorial(1, n);

interface MomentCase {
  distribution: Distribution;
  raw: RawMoment;
}

const piecewisePoints: Array<[number, number]> = [[0, 0], [1, 0.3], [3, 0.9], [10, 1]];
const gammaMeanSd = { shape: 4, scale: 1 }; // mean 4, sd 2

const cases: MomentCase[] = [
  { distribution: new Uniform(2, 5), raw: uniformRaw(2, 5) },
  { distribution: Exponential.fromMean(3), raw: (n) => factorial(n) * 3 ** n },
  { distribution: Exponential.fromRate(0.5), raw: (n) => factorial(n) * 2 ** n },
  { distribution: Gamma.fromMeanSd(4, 2), raw: (n) => gammaMeanSd.scale ** n * risingFactorial(gammaMeanSd.shape, n) },
  { distribution: new Gamma(0.5, 2), raw: (n) => 2 ** n * risingFactorial(0.5, n) },
  { distribution: new Gamma(1, 3), raw: (n) => 3 ** n * risingFactorial(1, n) },
  { distribution: new Gamma(7.5, 0.2), raw: (n) => 0.2 ** n * risingFactorial(7.5, n) },
  { distribution: new Lognormal(0, 0.5), raw: (n) => Math.exp((n * n * 0.25) / 2) },
  {
    distribution: Lognormal.fromMeanSd(4, 2),
    raw: (n) => {
      const s2 = Math.log(1 + 4 / 16);
      return Math.exp(n * (Math.log(4) - s2 / 2) + (n * n * s2) / 2);
    },
  },
  { distribution: new Weibull(1.5, 2), raw: (n) => 2 ** n * gammaFunction(1 + n / 1.5) },
  { distribution: new Weibull(0.8, 1), raw: (n) => gammaFunction(1 + n / 0.8) },
  { distribution: new Triangular(1, 2, 6), raw: triangularRaw(1, 2, 6) },
  { distribution: new Triangular(0, 0, 1), raw: triangularRaw(0, 0, 1) },
  { distribution: new Empirical([1, 2, 5], [0.2, 0.5, 0.3]), raw: (n) => 0.2 + 0.5 * 2 ** n + 0.3 * 5 ** n },
  {
    distribution: new Piecewise(piecewisePoints),
    raw: (n) => 0.3 * uniformRaw(0, 1)(n) + 0.6 * uniformRaw(1, 3)(n) + 0.1 * uniformRaw(3, 10)(n),
  },
  {
    distribution: new Mixture([Exponential.fromMean(1), new Uniform(5, 10)], [0.7, 0.3]),
    raw: (n) => 0.7 * factorial(n) + 0.3 * uniformRaw(5, 10)(n),
  },
];

/** Triangular raw moments by Simpson's rule on the density (exact enough: 2000 panels on a polynomial). */
function triangularRaw(a: number, c: number, b: number): RawMoment {
  const density = (x: number) =>
    x < c ? (2 * (x - a)) / ((b - a) * (c - a)) : x === c && c === b ? 2 / (b - a) : (2 * (b - x)) / ((b - a) * (b - c));
  return (n) => {
    const panels = 2000;
    const h = (b - a) / panels;
    let sum = 0;
    for (let i = 0; i <= panels; i++) {
      const x = a + i * h;
      const weight = i === 0 || i === panels ? 1 : i % 2 === 1 ? 4 : 2;
      sum += weight * x ** n * density(x);
    }
    return (sum * h) / 3;
  };
}

function centralMoments(raw: RawMoment): { mean: number; variance: number; fourth: number } {
  const [m1, m2, m3, m4] = [raw(1), raw(2), raw(3), raw(4)];
  return { mean: m1, variance: m2 - m1 * m1, fourth: m4 - 4 * m1 * m3 + 6 * m1 * m1 * m2 - 3 * m1 ** 4 };
}

describe('distribution moments: mean() and variance() against independently computed moments', () => {
  for (const { distribution, raw } of cases) {
    it(`${distribution}`, () => {
      const { mean, variance } = centralMoments(raw);
      expect(distribution.mean()).toBeCloseTo(mean, 6);
      expect(distribution.variance() / variance).toBeCloseTo(1, 6);
    });
  }
});

// Theory check. With n samples the sample mean has standard error sqrt(var / n) and the sample
// variance has standard error sqrt((mu4 - var^2) / n), mu4 the fourth central moment (the
// large-n variance of s^2). We allow Z = 5 standard errors: a correct sampler fails with
// probability ~6e-7 per check, and the fixed seeds make each run identical anyway.
const SAMPLES = 200_000;
const Z = 5;

describe('distribution sampling: sample mean and variance within 5 standard errors', () => {
  cases.forEach(({ distribution, raw }, index) => {
    it(`${distribution}`, () => {
      const rng = new RandomStreams(20240101, 0).stream('moments', index);
      let sum = 0;
      let sumSquares = 0;
      const first = distribution.sample(rng);
      for (let i = 0; i < SAMPLES; i++) {
        const x = distribution.sample(rng) - first; // shifted for numerical stability
        sum += x;
        sumSquares += x * x;
      }
      const sampleMean = sum / SAMPLES + first;
      const sampleVariance = (sumSquares - (sum * sum) / SAMPLES) / (SAMPLES - 1);
      const { fourth } = centralMoments(raw);
      const variance = distribution.variance();
      expect(Math.abs(sampleMean - distribution.mean())).toBeLessThan(Z * Math.sqrt(variance / SAMPLES));
      expect(Math.abs(sampleVariance - variance)).toBeLessThan(Z * Math.sqrt((fourth - variance * variance) / SAMPLES));
    });
  });
});

/** An Rng over a fixed list, to test exact inversion and count draws. */
class ScriptedRng implements Rng {
  drawn = 0;
  constructor(private readonly values: readonly number[]) {}
  next(): number {
    const value = this.values[this.drawn % this.values.length] ?? 0;
    this.drawn += 1;
    return value;
  }
}

describe('distributions: exact cases', () => {
  it('inverts the CDF at known points', () => {
    expect(new Uniform(2, 6).sample(new ScriptedRng([0.25]))).toBe(3);
    expect(Exponential.fromMean(2).sample(new ScriptedRng([1 - Math.exp(-1)]))).toBeCloseTo(2, 12);
    expect(new Triangular(0, 1, 2).sample(new ScriptedRng([0.5]))).toBeCloseTo(1, 12);
    expect(new Weibull(2, 3).sample(new ScriptedRng([1 - Math.exp(-1)]))).toBeCloseTo(3, 12);
    expect(new Piecewise(piecewisePoints).sample(new ScriptedRng([0.6]))).toBeCloseTo(2, 12);
    expect(new Piecewise(piecewisePoints).sample(new ScriptedRng([0]))).toBe(0);
    expect(new Empirical([1, 2, 5], [0.2, 0.5, 0.3]).sample(new ScriptedRng([0.2]))).toBe(2);
    expect(new Empirical([1, 2, 5], [0.2, 0.5, 0.3]).sample(new ScriptedRng([0.999]))).toBe(5);
  });

  it('never picks an empirical value of probability 0, even at the boundary', () => {
    const distribution = new Empirical([0, 1, 2], [0.5, 0, 0.5]);
    expect(distribution.sample(new ScriptedRng([0.5]))).toBe(2);
    expect(distribution.sample(new ScriptedRng([0.4999]))).toBe(0);
  });

  it('uses a fixed number of uniforms where the method allows', () => {
    const counts = (d: Distribution, script = [0.3, 0.7, 0.1, 0.9]) => {
      const rng = new ScriptedRng(script);
      d.sample(rng);
      return rng.drawn;
    };
    expect(counts(new Fixed(3))).toBe(0);
    expect(counts(Exponential.fromMean(1))).toBe(1);
    expect(counts(new Lognormal(0, 1))).toBe(2); // Box-Muller, spare discarded
    // A mixture draws one uniform to choose, then whatever the chosen component draws.
    const mixture = new Mixture([new Fixed(1), Exponential.fromMean(1)], [0.5, 0.5]);
    expect(counts(mixture, [0.3])).toBe(1);
    expect(counts(mixture, [0.7])).toBe(2);
  });

  it('keeps common random numbers when one distribution object is shared between entities', () => {
    const shared = Lognormal.fromMeanSd(4, 2);
    const streams = new RandomStreams(3, 0);
    const inOrder = [shared.sample(streams.stream('needs', 1)), shared.sample(streams.stream('needs', 2))];
    const reversed = [shared.sample(streams.stream('needs', 2)), shared.sample(streams.stream('needs', 1))];
    expect(inOrder).toEqual([reversed[1], reversed[0]]);
  });

  it('gives positive gamma samples for shape < 1', () => {
    const rng = new RandomStreams(1, 0).stream('gamma-small');
    const gamma = new Gamma(0.1, 1);
    for (let i = 0; i < 10_000; i++) expect(gamma.sample(rng)).toBeGreaterThan(0);
  });

  it('computes the gamma function', () => {
    expect(gammaFunction(5)).toBeCloseTo(24, 10);
    expect(gammaFunction(0.5)).toBeCloseTo(Math.sqrt(Math.PI), 12);
    expect(gammaFunction(0.25)).toBeCloseTo(3.625609908221908, 12);
  });

  it('reads well', () => {
    expect(String(Gamma.fromMeanSd(4, 2))).toBe('gamma(mean=4, sd=2)');
    expect(String(new Gamma(2, 3))).toBe('gamma(shape=2, scale=3)');
    expect(String(Lognormal.fromMeanSd(10, 5))).toBe('lognormal(mean=10, sd=5)');
    expect(String(new Lognormal(1, 0.5))).toBe('lognormal(mu=1, sigma=0.5)');
    expect(String(Exponential.fromMean(30))).toBe('exponential(mean=30)');
    expect(String(Exponential.fromRate(0.25))).toBe('exponential(rate=0.25)');
    expect(String(new Fixed(7))).toBe('fixed(7)');
    expect(String(new Uniform(0, 1 / 3))).toBe('uniform(min=0, max=0.333333)');
    expect(String(new Triangular(1, 2, 6))).toBe('triangular(min=1, mode=2, max=6)');
    expect(String(new Weibull(1.5, 2))).toBe('weibull(shape=1.5, scale=2)');
    expect(String(new Empirical([1, 2], [0.25, 0.75]))).toBe('empirical(1: 0.25, 2: 0.75)');
    expect(String(new Piecewise([[0, 0], [2, 1]]))).toBe('piecewise([0, 0], [2, 1])');
    expect(String(new Mixture([new Fixed(1), Exponential.fromMean(2)], [0.4, 0.6]))).toBe(
      'mixture(0.4: fixed(1), 0.6: exponential(mean=2))',
    );
  });
});

describe('distributions: invalid parameters name the parameter, the value and the expectation', () => {
  const cases: Array<[() => unknown, string]> = [
    [() => Gamma.fromMeanSd(4, -1), 'gamma: sd must be > 0, got -1'],
    [() => Gamma.fromMeanSd(0, 1), 'gamma: mean must be > 0, got 0'],
    [() => new Gamma(2, Number.NaN), 'gamma: scale must be > 0, got NaN'],
    [() => new Gamma(-2, 1), 'gamma: shape must be > 0, got -2'],
    [() => Exponential.fromMean(0), 'exponential: mean must be > 0, got 0'],
    [() => Exponential.fromRate(-3), 'exponential: rate must be > 0, got -3'],
    [() => Lognormal.fromMeanSd(-1, 1), 'lognormal: mean must be > 0, got -1'],
    [() => new Lognormal(Number.POSITIVE_INFINITY, 1), 'lognormal: mu must be a finite number, got Infinity'],
    [() => new Lognormal(0, 0), 'lognormal: sigma must be > 0, got 0'],
    [() => new Fixed(Number.NaN), 'fixed: value must be a finite number, got NaN'],
    [() => new Uniform(3, 3), 'uniform: max must be > min (3), got 3'],
    [() => new Triangular(0, 5, 4), 'triangular: mode must be within [min, max] = [0, 4], got 5'],
    [() => new Triangular(2, 2, 1), 'triangular: max must be > min (2), got 1'],
    [() => new Weibull(0, 1), 'weibull: shape must be > 0, got 0'],
    [() => new Empirical([], []), 'empirical: values must be a non-empty list, got []'],
    [() => new Empirical([1, 2], [1]), 'empirical: probabilities must be a list as long as values (2), got [1]'],
    [() => new Empirical([1, 2], [0.5, -0.5]), 'empirical: probabilities[1] must be >= 0, got -0.5'],
    [() => new Empirical([1, 2], [0.5, 0.4]), 'empirical: the sum of probabilities must be 1, got 0.9'],
    [() => new Piecewise([[0, 0]]), 'piecewise: points must be at least 2 (x, cdf) pairs'],
    [() => new Piecewise([[0, 0.1], [1, 1]]), 'piecewise: points[0].cdf must be 0, got 0.1'],
    [() => new Piecewise([[0, 0], [1, 0.9]]), 'piecewise: points[1].cdf must be 1, got 0.9'],
    [() => new Piecewise([[0, 0], [2, 0.5], [1, 1]]), 'piecewise: points[2].x must be > points[1].x (2), got 1'],
    [() => new Piecewise([[0, 0], [1, 0.5], [2, 0.4], [3, 1]]), 'piecewise: points[2].cdf must be >= points[1].cdf (0.5), got 0.4'],
    [() => new Mixture([], []), 'mixture: components must be a non-empty list, got 0'],
    [() => new Mixture([new Fixed(1)], [0.5, 0.5]), 'mixture: weights must be a list as long as components (1), got [0.5,0.5]'],
  ];
  for (const [make, message] of cases) {
    it(message, () => expect(make).toThrow(message));
  }
});

describe('distribution specs (zod)', () => {
  const forms: Array<[unknown, string]> = [
    [{ type: 'fixed', value: 2 }, 'fixed(2)'],
    [{ type: 'uniform', min: 0, max: 1 }, 'uniform(min=0, max=1)'],
    [{ type: 'exponential', mean: 30 }, 'exponential(mean=30)'],
    [{ type: 'gamma', mean: 4, sd: 2 }, 'gamma(mean=4, sd=2)'],
    [{ type: 'gamma', shape: 2, scale: 3 }, 'gamma(shape=2, scale=3)'],
    [{ type: 'lognormal', mean: 10, sd: 5 }, 'lognormal(mean=10, sd=5)'],
    [{ type: 'lognormal', mu: 1, sigma: 0.5 }, 'lognormal(mu=1, sigma=0.5)'],
    [{ type: 'triangular', min: 1, mode: 2, max: 6 }, 'triangular(min=1, mode=2, max=6)'],
    [{ type: 'weibull', shape: 1.5, scale: 2 }, 'weibull(shape=1.5, scale=2)'],
    [{ type: 'empirical', values: [1, 2], probabilities: [0.25, 0.75] }, 'empirical(1: 0.25, 2: 0.75)'],
    [{ type: 'piecewise', points: [[0, 0], [2, 1]] }, 'piecewise([0, 0], [2, 1])'],
    [
      {
        type: 'mixture',
        components: [{ type: 'fixed', value: 1 }, { type: 'mixture', components: [{ type: 'exponential', mean: 2 }], weights: [1] }],
        weights: [0.4, 0.6],
      },
      'mixture(0.4: fixed(1), 0.6: mixture(1: exponential(mean=2)))',
    ],
  ];
  for (const [input, expected] of forms) {
    it(`parses and builds ${expected}`, () => {
      expect(String(makeDistribution(distributionSpecSchema.parse(input)))).toBe(expected);
    });
  }

  const rejections: Array<[unknown, string]> = [
    [{ type: 'gamma', mean: 4, sd: -1 }, 'gamma: sd must be > 0, got -1'],
    [{ type: 'gamma', mean: 4, scale: 2 }, 'gamma: give either mean and sd, or shape and scale, got fields ["mean","scale"]'],
    [{ type: 'gamma', mean: 4, sd: 2, shape: 4, scale: 1 }, 'gamma: give either mean and sd, or shape and scale'],
    [{ type: 'lognormal', mu: 1 }, 'lognormal: give either mean and sd, or mu and sigma, got fields ["mu"]'],
    [{ type: 'exponential', mean: 3, rate: 2 }, 'rate'],
    [{ type: 'normal', mean: 0, sd: 1 }, 'type'],
    [{ type: 'uniform', min: 0, max: Number.POSITIVE_INFINITY }, 'max'],
    [{ type: 'mixture', components: [{ type: 'fixed', value: 1 }, { type: 'gamma', mean: 1, sd: 0 }], weights: [0.5, 0.5] }, 'gamma: sd must be > 0, got 0'],
  ];
  for (const [input, fragment] of rejections) {
    it(`rejects ${JSON.stringify(input)} mentioning "${fragment}"`, () => {
      const result = distributionSpecSchema.safeParse(input);
      expect(result.success).toBe(false);
      expect(JSON.stringify(result.error?.issues)).toContain(fragment.replaceAll('"', '\\"'));
    });
  }
});

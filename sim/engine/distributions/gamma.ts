import type { Rng } from '../random.js';
import type { Distribution } from './distribution.js';
import { standardNormal } from './normal.js';
import { formatNumber, requirePositive } from './parameters.js';

/**
 * Gamma distribution with shape k and scale theta (mean k*theta, variance k*theta^2).
 * Sampling: Marsaglia & Tsang (2000), "A simple method for generating gamma variables", with the
 * boost Gamma(k) = Gamma(k + 1) * U^(1/k) for k < 1. It is a rejection method, so the number of
 * uniforms per sample varies; that is harmless for common random numbers because each entity has
 * its own stream.
 */
export class Gamma implements Distribution {
  private label: string;
  private readonly d: number;
  private readonly c: number;

  constructor(readonly shape: number, readonly scale: number) {
    requirePositive('gamma', 'shape', shape);
    requirePositive('gamma', 'scale', scale);
    this.label = `gamma(shape=${formatNumber(shape)}, scale=${formatNumber(scale)})`;
    const boostedShape = shape < 1 ? shape + 1 : shape;
    this.d = boostedShape - 1 / 3;
    this.c = 1 / Math.sqrt(9 * this.d);
  }

  static fromMeanSd(mean: number, sd: number): Gamma {
    requirePositive('gamma', 'mean', mean);
    requirePositive('gamma', 'sd', sd);
    const shape = (mean / sd) ** 2;
    const gamma = new Gamma(shape, (sd * sd) / mean);
    gamma.label = `gamma(mean=${formatNumber(mean)}, sd=${formatNumber(sd)})`;
    return gamma;
  }

  sample(rng: Rng): number {
    const standard = this.sampleMarsagliaTsang(rng);
    if (this.shape >= 1) return standard * this.scale;
    // 1 - u is in (0, 1]; a zero factor would put mass at 0, outside the support.
    return standard * Math.pow(1 - rng.next(), 1 / this.shape) * this.scale;
  }

  private sampleMarsagliaTsang(rng: Rng): number {
    const { d, c } = this;
    for (;;) {
      const x = standardNormal(rng);
      const t = 1 + c * x;
      if (t <= 0) continue;
      const v = t * t * t;
      const u = rng.next();
      const x2 = x * x;
      // Squeeze first (cheap, accepts ~98%), then the exact log test.
      if (u < 1 - 0.0331 * x2 * x2) return d * v;
      if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
    }
  }

  mean(): number {
    return this.shape * this.scale;
  }

  variance(): number {
    return this.shape * this.scale * this.scale;
  }

  toString(): string {
    return this.label;
  }
}

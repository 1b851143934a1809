import type { Rng } from '../random.js';
import type { Distribution } from './distribution.js';
import { standardNormal } from './normal.js';
import { formatNumber, requireFinite, requirePositive } from './parameters.js';

/** Lognormal: exp(mu + sigma * Z) with Z standard normal (Box-Muller, two uniforms per sample). */
export class Lognormal implements Distribution {
  private label: string;

  constructor(readonly mu: number, readonly sigma: number) {
    requireFinite('lognormal', 'mu', mu);
    requirePositive('lognormal', 'sigma', sigma);
    this.label = `lognormal(mu=${formatNumber(mu)}, sigma=${formatNumber(sigma)})`;
  }

  /** From the mean and sd of the lognormal itself: sigma^2 = ln(1 + sd^2/mean^2), mu = ln(mean) - sigma^2/2. */
  static fromMeanSd(mean: number, sd: number): Lognormal {
    requirePositive('lognormal', 'mean', mean);
    requirePositive('lognormal', 'sd', sd);
    const sigma2 = Math.log1p((sd * sd) / (mean * mean));
    const lognormal = new Lognormal(Math.log(mean) - sigma2 / 2, Math.sqrt(sigma2));
    lognormal.label = `lognormal(mean=${formatNumber(mean)}, sd=${formatNumber(sd)})`;
    return lognormal;
  }

  sample(rng: Rng): number {
    return Math.exp(this.mu + this.sigma * standardNormal(rng));
  }

  mean(): number {
    return Math.exp(this.mu + (this.sigma * this.sigma) / 2);
  }

  variance(): number {
    const s2 = this.sigma * this.sigma;
    return Math.expm1(s2) * Math.exp(2 * this.mu + s2);
  }

  toString(): string {
    return this.label;
  }
}

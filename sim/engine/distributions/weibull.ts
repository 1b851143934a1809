import type { Rng } from '../random.js';
import type { Distribution } from './distribution.js';
import { gammaFunction } from './gamma-function.js';
import { formatNumber, requirePositive } from './parameters.js';

/** Weibull with shape k and scale lambda; sampled by inversion, lambda * (-ln(1 - u))^(1/k). */
export class Weibull implements Distribution {
  constructor(readonly shape: number, readonly scale: number) {
    requirePositive('weibull', 'shape', shape);
    requirePositive('weibull', 'scale', scale);
  }

  sample(rng: Rng): number {
    return this.scale * Math.pow(-Math.log(1 - rng.next()), 1 / this.shape);
  }

  mean(): number {
    return this.scale * gammaFunction(1 + 1 / this.shape);
  }

  variance(): number {
    const g1 = gammaFunction(1 + 1 / this.shape);
    const g2 = gammaFunction(1 + 2 / this.shape);
    return this.scale * this.scale * (g2 - g1 * g1);
  }

  toString(): string {
    return `weibull(shape=${formatNumber(this.shape)}, scale=${formatNumber(this.scale)})`;
  }
}

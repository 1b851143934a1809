import type { Rng } from '../random.js';
import type { Distribution } from './distribution.js';
import { formatNumber, parameterError, requireFinite } from './parameters.js';

/** Triangular on [min, max] with peak at mode; sampled by inverting the CDF with one uniform. */
export class Triangular implements Distribution {
  private readonly modeCdf: number;

  constructor(readonly min: number, readonly mode: number, readonly max: number) {
    requireFinite('triangular', 'min', min);
    requireFinite('triangular', 'mode', mode);
    requireFinite('triangular', 'max', max);
    if (max <= min) throw parameterError('triangular', 'max', `> min (${formatNumber(min)})`, max);
    if (mode < min || mode > max) {
      throw parameterError('triangular', 'mode', `within [min, max] = [${formatNumber(min)}, ${formatNumber(max)}]`, mode);
    }
    this.modeCdf = (mode - min) / (max - min);
  }

  sample(rng: Rng): number {
    const u = rng.next();
    const { min, mode, max } = this;
    if (u < this.modeCdf) return min + Math.sqrt(u * (max - min) * (mode - min));
    return max - Math.sqrt((1 - u) * (max - min) * (max - mode));
  }

  mean(): number {
    return (this.min + this.mode + this.max) / 3;
  }

  variance(): number {
    const { min: a, mode: c, max: b } = this;
    return (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
  }

  toString(): string {
    return `triangular(min=${formatNumber(this.min)}, mode=${formatNumber(this.mode)}, max=${formatNumber(this.max)})`;
  }
}

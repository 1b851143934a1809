import type { Rng } from '../random.js';
import type { Distribution } from './distribution.js';
import { formatNumber, parameterError, requireFinite } from './parameters.js';

/** Continuous uniform on [min, max). */
export class Uniform implements Distribution {
  constructor(readonly min: number, readonly max: number) {
    requireFinite('uniform', 'min', min);
    requireFinite('uniform', 'max', max);
    if (max <= min) throw parameterError('uniform', 'max', `> min (${formatNumber(min)})`, max);
  }

  sample(rng: Rng): number {
    return this.min + (this.max - this.min) * rng.next();
  }

  mean(): number {
    return (this.min + this.max) / 2;
  }

  variance(): number {
    const width = this.max - this.min;
    return (width * width) / 12;
  }

  toString(): string {
    return `uniform(min=${formatNumber(this.min)}, max=${formatNumber(this.max)})`;
  }
}

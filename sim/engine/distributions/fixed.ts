import type { Distribution } from './distribution.js';
import { formatNumber, requireFinite } from './parameters.js';

/** Always the same value; draws no uniforms, so swapping it in moves no other draw of the stream's owner. */
export class Fixed implements Distribution {
  constructor(readonly value: number) {
    requireFinite('fixed', 'value', value);
  }

  sample(): number {
    return this.value;
  }

  mean(): number {
    return this.value;
  }

  variance(): number {
    return 0;
  }

  toString(): string {
    return `fixed(${formatNumber(this.value)})`;
  }
}

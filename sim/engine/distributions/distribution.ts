import type { Rng } from '../random.js';

/**
 * A probability distribution that samples from a stream it is given. Distributions hold no random
 * state of their own, so one object can be shared by every entity without breaking common random
 * numbers: each entity passes its own stream.
 */
export interface Distribution {
  sample(rng: Rng): number;
  mean(): number;
  variance(): number;
  /** Readable form with the parameters as given, e.g. `gamma(mean=4, sd=2)`. */
  toString(): string;
}

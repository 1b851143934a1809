import type { Rng } from '../random.js';

const TWO_PI = 2 * Math.PI;

/**
 * A standard normal draw by Box-Muller, using exactly two uniforms and discarding the second
 * normal. Caching the spare would tie one entity's draw to another's when a distribution object is
 * shared, breaking common random numbers; two uniforms per normal is the price of not caching.
 */
export function standardNormal(rng: Rng): number {
  const u1 = 1 - rng.next(); // (0, 1]: log(0) cannot occur
  const u2 = rng.next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(TWO_PI * u2);
}

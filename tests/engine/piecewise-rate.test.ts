// The time change behind a Poisson process with a piecewise constant rate: exact against hand-worked
// cases, identical to the constant-rate formula before the first change, and counts per piece that
// match rate x length within their Poisson spread.
import { describe, expect, it } from 'vitest';
import { PiecewiseRate } from '../../sim/engine/piecewise-rate.js';
import { PoissonArrivals } from '../../sim/engine/poisson-arrivals.js';
import { RandomStreams } from '../../sim/engine/random.js';
import { Simulation } from '../../sim/engine/simulation.js';

describe('PiecewiseRate.advance', () => {
  const rate = new PiecewiseRate([0, 10, 20], [1, 0, 2]);
  it.each([
    [0, 5, 5],
    [0, 10, 10],
    [0, 12, 21],
    [12, 1, 20.5],
    [25, 4, 27],
  ])('from %d by %d units reaches %d', (from, units, expected) => {
    expect(rate.advance(from, units)).toBeCloseTo(expected, 12);
  });

  it('never reaches anything past a last piece of rate 0', () => {
    expect(new PiecewiseRate([0, 5], [1, 0]).advance(2, 10)).toBe(Infinity);
  });

  it('gives what the constant formula gives inside the first piece, to the bit', () => {
    const r = new PiecewiseRate([0, 100], [0.37, 2]);
    for (const u of [0.01, 0.2, 0.5, 0.9]) expect(r.advance(3, -Math.log(1 - u))).toBe(3 - Math.log(1 - u) / 0.37);
  });

  it.each([
    [[1, 1], [1, 1], 'starts[1] is 1'],
    [[0], [-1], 'rates[0] is -1'],
    [[0, 1], [1], '2 starts and 1 rates'],
  ] as const)('refuses starts %j with rates %j', (starts, rates, message) => {
    expect(() => new PiecewiseRate(starts, rates)).toThrow(message);
  });
});

describe('PoissonArrivals with a piecewise rate', () => {
  it('counts rate x length per piece within 4 standard deviations', () => {
    const sim = new Simulation();
    const times: number[] = [];
    const rate = new PiecewiseRate([0, 100, 300], [5, 1, 10]);
    new PoissonArrivals(sim, new RandomStreams(5, 0).stream('test', 'a'), rate, 400, 3, times, (t) => t.push(sim.now)).start(0);
    sim.run(400);
    for (const [from, to, expected] of [[0, 100, 500], [100, 300, 200], [300, 400, 1000]] as const) {
      const n = times.filter((t) => t >= from && t < to).length;
      expect(Math.abs(n - expected)).toBeLessThan(4 * Math.sqrt(expected));
    }
  });
});

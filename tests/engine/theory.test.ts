// Tier 3: the engine against queueing theory, with fixed seeds.
//
// Tolerances: each figure is estimated by batch means (20 batches after a warm-up; see
// queueing-theory.ts), which gives a standard error SE from the run itself. We accept
// |estimate - theory| <= 4 SE: with 19 degrees of freedom that fails a correct engine with
// probability ~0.1 %, while each test also asserts that SE is a small fraction of the theoretical
// value, so a test that passes is one that could have caught a wrong engine.
import { describe, expect, it } from 'vitest';
import { Exponential } from '../../sim/engine/distributions/exponential.js';
import { Priority } from '../../sim/engine/priority.js';
import { RandomStreams } from '../../sim/engine/random.js';
import { Resource } from '../../sim/engine/resource.js';
import type { RequestToken } from '../../sim/engine/resource.js';
import { Simulation } from '../../sim/engine/simulation.js';
import { batchMeans, cobhamWaits, erlangC, mmcTheory, runMmcBatches } from './queueing-theory.js';
import type { Estimate } from './queueing-theory.js';

const STANDARD_ERRORS = 4;

function expectWithinStandardErrors(label: string, estimate: Estimate, theory: number, maxRelativeError: number): void {
  const deviation = Math.abs(estimate.mean - theory);
  const summary = `${label}: estimate ${estimate.mean.toFixed(4)} +- ${estimate.standardError.toFixed(4)} (SE), theory ${theory.toFixed(4)}`;
  expect(deviation, summary).toBeLessThanOrEqual(STANDARD_ERRORS * estimate.standardError);
  expect(estimate.standardError / theory, `${summary}: SE too large for the test to have power`).toBeLessThan(maxRelativeError);
}

describe('Erlang C by hand', () => {
  it('matches textbook values', () => {
    // M/M/1: P(wait) = rho. M/M/2 with a = 1: C = (1/2 * 2) / (2 + 1) = 1/3.
    expect(erlangC(1, 0.7)).toBeCloseTo(0.7, 12);
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 12);
    expect(mmcTheory(9, 1, 10).waitInQueue).toBeCloseTo(0.66873, 4);
  });
});

describe('M/M/3 against Erlang C', () => {
  // Warm-up and batch sizes grow with the load because the correlation time grows like 1/(1 - rho)^2.
  const cases = [
    { rho: 0.5, warmup: 10_000, batchSize: 10_000, seed: 11, maxRelativeSe: 0.03 },
    { rho: 0.8, warmup: 20_000, batchSize: 25_000, seed: 12, maxRelativeSe: 0.04 },
    { rho: 0.95, warmup: 50_000, batchSize: 100_000, seed: 13, maxRelativeSe: 0.06 },
  ];
  for (const { rho, warmup, batchSize, seed, maxRelativeSe } of cases) {
    it(`rho = ${rho}: mean wait, mean number in system and utilisation`, () => {
      const servers = 3;
      const mu = 1;
      const lambda = rho * servers * mu;
      const theory = mmcTheory(lambda, mu, servers);
      const run = runMmcBatches({ lambda, mu, servers, warmup, batches: 20, batchSize, seed });
      expectWithinStandardErrors('Wq', batchMeans(run.waitBatches), theory.waitInQueue, maxRelativeSe);
      expectWithinStandardErrors('L', batchMeans(run.inSystemBatches), theory.inSystem, maxRelativeSe);
      expectWithinStandardErrors('utilisation', batchMeans(run.utilisationBatches), theory.utilisation, 0.01);
    });
  }
});

describe("Little's law on the run's own figures", () => {
  it('L = lambda W and Lq = lambda Wq hold to rounding error over a run that starts and ends empty', () => {
    // Exact, not statistical: with every customer gone by the end, the area under the number in
    // system equals the sum of sojourn times, so any gap is a bookkeeping error in the statistics.
    const run = runMmcBatches({ lambda: 2.4, mu: 1, servers: 3, warmup: 0, batches: 10, batchSize: 5_000, seed: 21 });
    const { time, customers, meanInSystem, meanSojourn, meanQueue, meanWait } = run.whole;
    const throughput = customers / time;
    expect(customers).toBe(50_000);
    expect(meanInSystem).toBeCloseTo(throughput * meanSojourn, 9);
    expect(meanQueue).toBeCloseTo(throughput * meanWait, 9);
  });
});

interface PriorityCustomer {
  urgent: boolean;
  arrival: number;
  index: number;
  token: RequestToken | undefined;
}

describe('Two-class non-preemptive priority M/M/1 against Cobham', () => {
  it('gives each class the mean wait of Cobham formula', () => {
    const lambdas = [0.3, 0.5];
    const mu = 1;
    const lambda = lambdas[0]! + lambdas[1]!;
    const warmup = 20_000;
    const batches = 20;
    const batchSize = 50_000;
    const total = warmup + batches * batchSize;
    const sim = new Simulation();
    const streams = new RandomStreams(31, 0);
    const arrivalStream = streams.stream('arrivals');
    const classStream = streams.stream('class');
    const serviceStream = streams.stream('service');
    const gap = Exponential.fromRate(lambda);
    const hold = Exponential.fromRate(mu);
    const desk = new Resource<PriorityCustomer>(sim, { name: 'desk', capacity: 1, discipline: 'priority' });
    // Per batch and class: sum of waits and count (classes arrive at random, so counts vary).
    const sums = [new Array<number>(batches).fill(0), new Array<number>(batches).fill(0)];
    const counts = [new Array<number>(batches).fill(0), new Array<number>(batches).fill(0)];
    let arrived = 0;

    const depart = (customer: PriorityCustomer): void => desk.release(customer.token!);
    const start = (customer: PriorityCustomer): void => {
      if (customer.index >= warmup) {
        const batch = Math.floor((customer.index - warmup) / batchSize);
        const cls = customer.urgent ? 0 : 1;
        sums[cls]![batch]! += sim.now - customer.arrival;
        counts[cls]![batch]!++;
      }
      sim.after(hold.sample(serviceStream), depart, customer, Priority.Release);
    };
    const arrive = (): void => {
      const customer: PriorityCustomer = {
        urgent: classStream.next() < lambdas[0]! / lambda,
        arrival: sim.now,
        index: arrived++,
        token: undefined,
      };
      if (arrived < total) sim.after(gap.sample(arrivalStream), arrive, undefined, Priority.Admission);
      // Key 0 is the urgent class: lower keys are served first.
      customer.token = desk.request(customer, start, customer.urgent ? 0 : 1);
    };
    sim.after(gap.sample(arrivalStream), arrive, undefined, Priority.Admission);
    sim.run();

    const theory = cobhamWaits(lambdas, mu);
    for (const cls of [0, 1]) {
      const perBatch = sums[cls]!.map((sum, b) => sum / counts[cls]![b]!);
      expectWithinStandardErrors(`class ${cls} wait`, batchMeans(perBatch), theory[cls]!, 0.04);
    }
    // The two classes must differ by far more than the noise, or the discipline did nothing.
    expect(theory[1]! / theory[0]!).toBeGreaterThan(4);
  });
});

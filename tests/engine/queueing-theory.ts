// Shared by the theory tests: analytic queueing results, a batch-means estimator, and an M/M/c model
// built on the engine's public pieces that records what the estimator needs.
import { Exponential } from '../../sim/engine/distributions/exponential.js';
import { Priority } from '../../sim/engine/priority.js';
import { RandomStreams } from '../../sim/engine/random.js';
import { Resource } from '../../sim/engine/resource.js';
import type { RequestToken } from '../../sim/engine/resource.js';
import { Simulation } from '../../sim/engine/simulation.js';
import { Tally } from '../../sim/engine/statistics/tally.js';
import { TimeWeighted } from '../../sim/engine/statistics/time-weighted.js';

/** Erlang C: probability that an arrival waits in an M/M/c queue with offered load a = lambda / mu. */
export function erlangC(servers: number, offeredLoad: number): number {
  const rho = offeredLoad / servers;
  let term = 1;
  let sum = 1;
  for (let k = 1; k < servers; k++) {
    term *= offeredLoad / k;
    sum += term;
  }
  const last = ((term * offeredLoad) / servers) / (1 - rho);
  return last / (sum + last);
}

export interface MmcTheory {
  waitInQueue: number;
  inSystem: number;
  utilisation: number;
}

export function mmcTheory(lambda: number, mu: number, servers: number): MmcTheory {
  const waitInQueue = erlangC(servers, lambda / mu) / (servers * mu - lambda);
  return { waitInQueue, inSystem: lambda * (waitInQueue + 1 / mu), utilisation: lambda / (servers * mu) };
}

/**
 * Cobham (1954): mean wait in queue of class k in a non-preemptive priority M/G/1,
 * W_k = W0 / ((1 - sigma_{k-1}) (1 - sigma_k)), W0 = sum_i lambda_i E[S_i^2] / 2, sigma_k = sum_{i<=k} rho_i.
 * Exponential service with rate mu gives E[S^2] = 2 / mu^2.
 */
export function cobhamWaits(lambdas: readonly number[], mu: number): number[] {
  const w0 = lambdas.reduce((sum, lambda) => sum + lambda / (mu * mu), 0);
  let sigmaBefore = 0;
  return lambdas.map((lambda) => {
    const sigma = sigmaBefore + lambda / mu;
    const wait = w0 / ((1 - sigmaBefore) * (1 - sigma));
    sigmaBefore = sigma;
    return wait;
  });
}

export interface Estimate {
  mean: number;
  standardError: number;
}

/**
 * Batch means: split a long, autocorrelated output series into consecutive batches much longer than
 * its correlation time; the batch means are then nearly independent and nearly normal, so their
 * sample sd / sqrt(batches) is an honest standard error of the overall mean.
 */
export function batchMeans(batchValues: readonly number[]): Estimate {
  const tally = new Tally();
  for (const value of batchValues) tally.add(value);
  return { mean: tally.mean, standardError: tally.sd / Math.sqrt(tally.count) };
}

export interface MmcRun {
  /** One mean wait in queue per batch of customers (in order of arrival). */
  waitBatches: number[];
  /** Time-weighted mean number in system per batch (over the time the batch's arrivals span). */
  inSystemBatches: number[];
  /** Time-weighted busy servers / c per batch. */
  utilisationBatches: number[];
  /** Whole-run figures, start (empty) to last departure (empty): Little's law holds exactly on them. */
  whole: { time: number; customers: number; meanInSystem: number; meanSojourn: number; meanQueue: number; meanWait: number };
}

interface Customer {
  id: number;
  arrival: number;
  token: RequestToken | undefined;
}

/**
 * M/M/c on the engine; the first `warmup` customers are discarded from the batches (the run starts
 * empty, far from steady state at high load), then `batches` batches of `batchSize` customers.
 */
export function runMmcBatches(options: {
  lambda: number;
  mu: number;
  servers: number;
  warmup: number;
  batches: number;
  batchSize: number;
  seed: number;
}): MmcRun {
  const { lambda, mu, servers, warmup, batches, batchSize, seed } = options;
  const total = warmup + batches * batchSize;
  const sim = new Simulation();
  const streams = new RandomStreams(seed, 0);
  const arrivalStream = streams.stream('arrivals');
  const serviceStream = streams.stream('service');
  const gap = Exponential.fromRate(lambda);
  const hold = Exponential.fromRate(mu);
  const desk = new Resource<Customer>(sim, { name: 'desk', capacity: servers });
  const inSystem = new TimeWeighted(0, 0);
  const busy = new TimeWeighted(0, 0);
  const sojourns = new Tally();
  const waitSums = new Array<number>(batches).fill(0);
  const boundaries: Array<{ time: number; inSystemArea: number; busyArea: number }> = [];
  let arrived = 0;

  const depart = (customer: Customer): void => {
    desk.release(customer.token!);
    sojourns.add(sim.now - customer.arrival);
    inSystem.update(sim.now, inSystem.value - 1);
    busy.update(sim.now, desk.inService);
  };
  const start = (customer: Customer): void => {
    const batch = Math.floor((customer.id - warmup) / batchSize);
    if (customer.id >= warmup) waitSums[batch]! += sim.now - customer.arrival;
    busy.update(sim.now, desk.inService);
    sim.after(hold.sample(serviceStream), depart, customer, Priority.Release);
  };
  const arrive = (customer: Customer): void => {
    if ((customer.id - warmup) % batchSize === 0 && customer.id >= warmup) {
      boundaries.push({ time: sim.now, inSystemArea: inSystem.area(sim.now), busyArea: busy.area(sim.now) });
    }
    arrived++;
    if (arrived < total) sim.after(gap.sample(arrivalStream), arrive, { id: arrived, arrival: 0, token: undefined }, Priority.Admission);
    else sim.at(sim.now, closeLastBatch, undefined, Priority.Admission);
    customer.arrival = sim.now;
    inSystem.update(sim.now, inSystem.value + 1);
    customer.token = desk.request(customer, start);
  };
  // The last batch's time window closes at the last arrival, after it has been counted in.
  const closeLastBatch = (): void => {
    boundaries.push({ time: sim.now, inSystemArea: inSystem.area(sim.now), busyArea: busy.area(sim.now) });
  };
  sim.after(gap.sample(arrivalStream), arrive, { id: 0, arrival: 0, token: undefined }, Priority.Admission);
  sim.run();

  const inSystemBatches: number[] = [];
  const utilisationBatches: number[] = [];
  for (let b = 0; b < batches; b++) {
    const from = boundaries[b]!;
    const to = boundaries[b + 1]!;
    const span = to.time - from.time;
    inSystemBatches.push((to.inSystemArea - from.inSystemArea) / span);
    utilisationBatches.push((to.busyArea - from.busyArea) / span / servers);
  }
  const time = sim.now;
  return {
    waitBatches: waitSums.map((sum) => sum / batchSize),
    inSystemBatches,
    utilisationBatches,
    whole: {
      time,
      customers: sojourns.count,
      meanInSystem: inSystem.average(time),
      meanSojourn: sojourns.mean,
      meanQueue: desk.queueLengthAverage(),
      meanWait: desk.waits.mean,
    },
  };
}

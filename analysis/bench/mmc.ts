import { Priority } from '../../sim/engine/priority.js';
import { Resource } from '../../sim/engine/resource.js';
import type { RequestToken } from '../../sim/engine/resource.js';
import { Simulation } from '../../sim/engine/simulation.js';
import { RandomStreams } from '../../sim/engine/random.js';
import { Exponential } from '../../sim/engine/distributions/exponential.js';
import type { BenchModel, BenchReport } from './registry.js';

export interface MmcParameters {
  /** Arrival rate. */
  lambda: number;
  /** Service rate per server. */
  mu: number;
  servers: number;
  customers: number;
  seed: number;
}

export interface MmcResult {
  customers: number;
  /** Arrivals plus departures: two per customer. */
  events: number;
  wall_s: number;
  events_per_s: number;
  mean_wait: number;
  /** Time-weighted mean number waiting plus in service. */
  mean_in_system: number;
  utilisation: number;
  peak_rss_mb: number;
}

class Customer {
  token: RequestToken | undefined = undefined;
}

function requirePositive(name: string, value: number, integer: boolean): void {
  if (!(value > 0) || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
    throw new RangeError(`mmc: --${name} is ${value} (expected a positive ${integer ? 'integer' : 'number'})`);
  }
}

/**
 * An M/M/c queue built from the same pieces as the domain model: Simulation, RandomStreams
 * ('arrivals' and 'service' streams), Exponential and Resource. Arrivals are generated one at a time
 * (each arrival schedules the next) and statistics are streaming, so memory stays flat in the
 * number of customers. Departures run with Priority.Release so a freed server is granted before a
 * same-instant arrival joins the line.
 */
export function runMmc(parameters: MmcParameters): MmcResult {
  const { lambda, mu, servers, customers, seed } = parameters;
  requirePositive('lambda', lambda, false);
  requirePositive('mu', mu, false);
  requirePositive('servers', servers, true);
  requirePositive('customers', customers, true);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`mmc: --seed is ${seed} (expected an integer)`);

  const started = performance.now();
  const sim = new Simulation();
  const streams = new RandomStreams(seed, 0);
  const arrivalStream = streams.stream('arrivals');
  const serviceStream = streams.stream('service');
  const interarrival = Exponential.fromRate(lambda);
  const serviceTime = Exponential.fromRate(mu);
  const desk = new Resource<Customer>(sim, { name: 'servers', capacity: servers });
  let arrived = 0;

  // Handlers are created once per run, not per event: the calendar stores (handler, payload).
  const depart = (customer: Customer): void => {
    desk.release(customer.token!);
  };
  const startService = (customer: Customer): void => {
    sim.after(serviceTime.sample(serviceStream), depart, customer, Priority.Release);
  };
  const arrive = (customer: Customer): void => {
    arrived++;
    if (arrived < customers) sim.after(interarrival.sample(arrivalStream), arrive, new Customer(), Priority.Admission);
    customer.token = desk.request(customer, startService);
  };
  sim.after(interarrival.sample(arrivalStream), arrive, new Customer(), Priority.Admission);
  sim.run();

  const wall = (performance.now() - started) / 1000;
  const events = sim.eventsProcessed;
  // Timings are rounded as in the region bench; the model figures stay exact for comparisons.
  return {
    customers: arrived,
    events,
    wall_s: Number(wall.toFixed(3)),
    events_per_s: Math.round(events / wall),
    mean_wait: desk.waits.mean,
    mean_in_system: desk.queueLengthAverage() + desk.inServiceAverage(),
    utilisation: desk.utilisation(),
    // maxRSS is in kilobytes: the process's peak.
    peak_rss_mb: Number((process.resourceUsage().maxRSS / 1024).toFixed(1)),
  };
}

export const mmcBench: BenchModel = {
  name: 'mmc',
  description: 'M/M/c queue on the engine (Simulation, RandomStreams, Exponential, Resource)',
  options: {
    lambda: { type: 'number', default: 9, describe: 'arrival rate' },
    mu: { type: 'number', default: 1, describe: 'service rate per server' },
    servers: { type: 'number', default: 10, describe: 'number of servers c' },
    customers: { type: 'number', default: 1_000_000, describe: 'customers to simulate' },
    seed: { type: 'number', default: 1, describe: 'master seed (replication 0)' },
  },
  run(args): BenchReport {
    const result = runMmc({
      lambda: Number(args['lambda']),
      mu: Number(args['mu']),
      servers: Number(args['servers']),
      customers: Number(args['customers']),
      seed: Number(args['seed']),
    });
    return { model: 'mmc', ...result };
  },
};

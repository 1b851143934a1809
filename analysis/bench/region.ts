// `npm run bench -- region --scenario baseline --replications 10 --json`: single-thread speed and
// memory of the domain model, replication after replication in this process.
import { performance } from 'node:perf_hooks';
import { loadScenario } from '../../scenarios/load.js';
import { runReplication } from '../../sim/model/replication.js';
import type { BenchModel, BenchReport } from './registry.js';

function wholeNumber(name: string, value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new Error(`--${name}: expected a whole number >= ${min}, got ${JSON.stringify(value)}`);
  }
  return value;
}

export const regionBench: BenchModel = {
  name: 'region',
  description: 'replications of a scenario on the domain model, single thread',
  options: {
    scenario: { type: 'string', default: 'baseline', describe: 'built-in scenario name or file' },
    replications: { type: 'number', default: 10, describe: 'replications to run' },
    seed: { type: 'number', default: 1, describe: 'master seed' },
  },
  run(args): BenchReport {
    const replications = wholeNumber('replications', args['replications'], 1);
    const seed = wholeNumber('seed', args['seed'], 0);
    const loaded = loadScenario(String(args['scenario']));
    let events = 0;
    let episodes = 0;
    const started = performance.now();
    for (let replication = 0; replication < replications; replication++) {
      const output = runReplication(loaded.scenario, seed, replication);
      events += output.events;
      episodes += output.episodes;
    }
    const wallSeconds = (performance.now() - started) / 1000;
    return {
      model: 'region',
      scenario: loaded.name,
      replications,
      episodes,
      events,
      wall_s: Number(wallSeconds.toFixed(3)),
      events_per_s: Math.round(events / wallSeconds),
      replications_per_s: Number((replications / wallSeconds).toFixed(3)),
      // maxRSS is in kilobytes: the process's peak, which includes loading the model.
      peak_rss_mb: Number((process.resourceUsage().maxRSS / 1024).toFixed(1)),
    };
  },
};

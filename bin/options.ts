// The one table of command-line options shared by the commands, typed against the option objects
// the analysis functions take, so a new setting gets a flag here or nowhere.
import type { Options } from 'yargs';
import { defaultWorkers } from '../analysis/commands/option-checks.js';

export const scenarioRunOptions = {
  set: { type: 'string', array: true, default: [] as string[], describe: 'override a parameter: path=value (repeatable; see `thuiszit params`)' },
  replications: { type: 'number', default: 20, describe: 'replications per scenario (each: warm-up, then the measured years)' },
  seed: { type: 'number', default: 1, describe: 'master seed; replication seeds derive from (seed, replication index) only' },
  out: { type: 'string', demandOption: true, describe: 'output folder (earlier outputs are replaced only when the new ones are complete)' },
  episodes: { type: 'boolean', default: false, describe: 'also write episodes.csv: one row per episode' },
  report: { type: 'boolean', default: false, describe: 'also write report.html (self-contained, opens offline)' },
} as const satisfies Record<string, Options>;

export const executionOptions = {
  workers: { type: 'number', default: defaultWorkers(), describe: 'worker threads (outputs are identical for any number)' },
  quiet: { type: 'boolean', default: false, describe: 'no progress bar' },
  shard: { type: 'string', describe: "run only shard i/n of the work (0-based, e.g. $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT); combine with `thuiszit merge`" },
  resume: { type: 'boolean', default: false, describe: 'skip work items already stored in <out>/work by a stopped run' },
} as const satisfies Record<string, Options>;

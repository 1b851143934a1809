// The one table of command-line options shared by the commands, typed against the option objects
// the analysis functions take, so a new setting gets a flag here or nowhere. Every option that takes
// a value says `requiresArg`: without it yargs quietly uses the default for `--replications` given
// no value, running something other than what was asked.
import type { Options } from 'yargs';
import { defaultWorkers, OptionError } from '../analysis/commands/option-checks.js';

export const scenarioRunOptions = {
  set: { type: 'string', array: true, requiresArg: true, default: [] as string[], describe: 'override a parameter: path=value (repeatable; see `thuiszit params`)' },
  replications: { type: 'number', requiresArg: true, default: 20, describe: 'replications per scenario (each: warm-up, then the measured years)' },
  seed: { type: 'number', requiresArg: true, default: 1, describe: 'master seed; replication seeds derive from (seed, replication index) only' },
  out: { type: 'string', requiresArg: true, demandOption: true, describe: 'output folder (earlier outputs are replaced only when the new ones are complete)' },
  episodes: { type: 'boolean', default: false, describe: 'also write episodes.csv: one row per episode' },
  report: { type: 'boolean', default: false, describe: 'also write report.html (self-contained, opens offline)' },
} as const satisfies Record<string, Options>;

export const executionOptions = {
  workers: { type: 'number', requiresArg: true, default: defaultWorkers(), defaultDescription: 'the number of cores', describe: 'worker threads (outputs are identical for any number)' },
  quiet: { type: 'boolean', default: false, describe: 'no progress bar' },
  shard: { type: 'string', requiresArg: true, describe: "run only shard i/n of the work (0-based, e.g. $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT); combine with `thuiszit merge`" },
  resume: { type: 'boolean', default: false, describe: 'skip work items already stored in <out>/work by a stopped run' },
} as const satisfies Record<string, Options>;

/** Everything typed after `--name` (or in `--name=text`), once per time the option was given. */
function typedValues(args: readonly string[], name: string): string[] {
  const typed: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const token = args[i]!;
    if (token === '--') break;
    if (token === `--${name}`) typed.push(args[i + 1] ?? '');
    else if (token.startsWith(`--${name}=`)) typed.push(token.slice(name.length + 3));
  }
  return typed;
}

/**
 * Checks of what yargs' parser loses, run as middleware before validation. yargs turns text given to
 * a `number` option into NaN, so the analysis checks could only say `got null`: here the option is
 * named with the text that was typed. And a single-valued option given twice becomes a list, or,
 * when the second value is 1, the sum of both (yargs-parser reads a 1 as a count increment:
 * `--replications 2 --replications 1` gives 3), so a repeat is refused outright. yargs also stores
 * camelCase aliases (`maxEvaluations`); those were never typed and find no text, so the dashed name
 * is the one reported.
 */
export function checkTypedOptions(args: readonly string[], listOptions: () => readonly string[]): (argv: Record<string, unknown>) => void {
  return (argv) => {
    const lists = new Set(listOptions());
    for (const [name, value] of Object.entries(argv)) {
      const typed = typedValues(args, name);
      if (typed.length > 1 && !lists.has(name)) throw new OptionError(name, typed, 'the option once (it takes one value)');
      const values = Array.isArray(value) ? (value as unknown[]) : [value];
      if (typed.length > 0 && values.some((v) => typeof v === 'number' && Number.isNaN(v))) {
        throw new OptionError(name, typed.find((text) => Number.isNaN(Number(text))) ?? typed[0], 'a number');
      }
    }
  };
}

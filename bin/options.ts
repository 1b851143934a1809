// The one table of command-line options. Each option is named once, with its yargs spec and the field
// of the analysis function's options it fills; a command lists the options it takes, and fieldsOf()
// turns yargs' answer into an object typed by those fields, so a handler passes it on with `satisfies`
// the command's options type and a renamed or mistyped field fails to compile. Every option that takes a
// value says `requiresArg`: without it yargs quietly uses the default for `--replications` given no
// value, running something other than what was asked.
import type { InferredOptionType, Options } from 'yargs';
import { DEFAULT_SENSITIVITY_METRICS } from '../analysis/commands/sensitivity.js';
import { defaultWorkers, RANGES, rangeWords } from '../analysis/commands/option-checks.js';

interface OptionEntry extends Options {
  /** The field of the command's options object this option fills. */
  readonly field: string;
}

const replications = (range: readonly [number, number], what: string) => `${what}: ${rangeWords(range)}`;

export const OPTION_TABLE = {
  scenario: { field: 'scenario', type: 'string', requiresArg: true, default: 'baseline', describe: 'built-in name or a .yaml/.json file' },
  scenarios: { field: 'scenarios', type: 'string', array: true, requiresArg: true, demandOption: true, describe: 'built-in names or files; the first is the reference' },
  set: { field: 'sets', type: 'string', array: true, requiresArg: true, default: [] as string[], describe: 'override a parameter: path=value (repeatable; see `thuiszit params`)' },
  replications: { field: 'replications', type: 'number', requiresArg: true, default: 20, describe: replications(RANGES.replications, 'replications per scenario (each: warm-up, then the measured years)') },
  seed: { field: 'seed', type: 'number', requiresArg: true, default: 1, describe: 'master seed, a whole number >= 0; replication seeds derive from (seed, replication index) only' },
  out: { field: 'out', type: 'string', requiresArg: true, demandOption: true, describe: 'output folder (earlier outputs are replaced only when the new ones are complete)' },
  episodes: { field: 'episodes', type: 'boolean', default: false, describe: 'also write episodes.csv: one row per episode' },
  report: { field: 'report', type: 'boolean', default: false, describe: 'also write report.html (self-contained, opens offline)' },
  goal: {
    field: 'goals', type: 'string', array: true, requiresArg: true, default: [] as string[],
    describe: "a goal checked per school year in goal.json, quoted for the shell: 'metric<=value', 'metric>=value' or a change from a reference year, 'over_13_weeks_legal<=-75%@2025/26' (repeatable; the national goal over_13_weeks_without_offer<=0 and the scenarios' goal blocks are always checked)",
  },
  param: { field: 'params', type: 'string', array: true, requiresArg: true, demandOption: true, describe: 'path=low:high, or path=a,b,... for a switch or choice (repeatable; paths from `thuiszit params` and `thuiszit schema`)' },
  reference: { field: 'reference', type: 'string', requiresArg: true, default: 'baseline', describe: 'what the package is measured against: built-in name or file' },
  component: { field: 'components', type: 'string', array: true, requiresArg: true, default: [] as string[], describe: 'name=path1,path2: group changes into one component (repeatable; default: by their first two path segments)' },
  orders: { field: 'orders', type: 'number', requiresArg: true, default: 64, describe: 'random orders (each also reversed) when there are more than 10 components; up to 10 every coalition runs' },
  method: { field: 'method', type: 'string', requiresArg: true, choices: ['oat', 'morris', 'sobol'], default: 'morris', describe: 'oat: tornado; morris: mu*, sigma; sobol: S1, ST with bootstrap CIs' },
  samples: { field: 'samples', type: 'number', requiresArg: true, default: 16, describe: `Morris trajectories, or Sobol base samples N (N*(k+2) points): ${rangeWords(RANGES.samples)}` },
  metrics: { field: 'metrics', type: 'string', array: true, requiresArg: true, default: DEFAULT_SENSITIVITY_METRICS, describe: 'metrics to analyse (names of summary.json)' },
  data: { field: 'data', type: 'string', requiresArg: true, demandOption: true, describe: 'CSV with columns measure,period,value[,sd]; value may be suppressed (<5); several periods must be school years (2023/24), each fitted to its own year of a run from the earliest' },
  'max-evaluations': { field: 'maxEvaluations', type: 'number', requiresArg: true, default: 60, describe: `objective evaluations for Nelder-Mead: ${rangeWords(RANGES.maxEvaluations)}` },
  json: { field: 'json', type: 'boolean', default: false, describe: 'print JSON instead of a table' },
  workers: {
    field: 'workers', type: 'number', requiresArg: true, default: defaultWorkers(), defaultDescription: 'the CPUs this process may use',
    describe: `worker threads, ${rangeWords(RANGES.workers)}; outputs are identical for any number`,
  },
  quiet: { field: 'quiet', type: 'boolean', default: false, describe: 'no progress bar' },
  shard: { field: 'shard', type: 'string', requiresArg: true, describe: "run only shard i/n of the work (0-based, e.g. $SLURM_ARRAY_TASK_ID/$SHARDS with SHARDS the size of the whole array); combine with `thuiszit merge`" },
  resume: { field: 'resume', type: 'boolean', default: false, describe: 'reuse the work a stopped run stored in <out> instead of doing it again' },
} as const satisfies Record<string, OptionEntry>;

export type OptionName = keyof typeof OPTION_TABLE;

/** The options every command that runs work takes, with the same meaning everywhere. */
export const EXECUTION_OPTIONS = ['workers', 'quiet', 'shard', 'resume'] as const satisfies readonly OptionName[];

/** Per command: another default or wording (never another type) for an option of the table. */
export type OptionAdjustments = Partial<Record<OptionName, Pick<Options, 'default' | 'describe' | 'demandOption' | 'defaultDescription'>>>;

/** The yargs specs of the options named, without the table's field names. */
export function optionSpecs<N extends OptionName>(names: readonly N[], adjust: OptionAdjustments = {}): { [K in N]: (typeof OPTION_TABLE)[K] } {
  return Object.fromEntries(names.map((name) => {
    const { field: _field, ...spec } = OPTION_TABLE[name];
    return [name, { ...spec, ...adjust[name] }];
  })) as { [K in N]: (typeof OPTION_TABLE)[K] };
}

/** What the options named fill in the command's options object, keyed by field, typed from the table. */
export type Fields<N extends OptionName> = { -readonly [K in N as (typeof OPTION_TABLE)[K]['field']]: InferredOptionType<(typeof OPTION_TABLE)[K]> };

export function fieldsOf<N extends OptionName>(names: readonly N[], args: Readonly<Record<string, unknown>>): Fields<N> {
  return Object.fromEntries(names.map((name) => [OPTION_TABLE[name].field, args[name]])) as Fields<N>;
}

// Registers each command: its options from the one table in options.ts, the typed function in
// analysis/ it calls, and what it prints.
import type { Argv } from 'yargs';
import { runScenarioCommand, type ScenarioCommandOptions, type ScenarioCommandResult } from '../analysis/commands/scenario-commands.js';
import { mergeCommand, type MergeOptions } from '../analysis/commands/merge.js';
import { paramsCommand, schemaCommand, validateCommand } from '../analysis/commands/scenario-files.js';
import { headlineTable, sensitivityTable, yearlyHeadlineTable } from '../analysis/commands/text-table.js';
import { calibrateCommand, type CalibrateOptions } from '../analysis/commands/calibrate.js';
import { reportCommand } from '../analysis/commands/report-files.js';
import { sensitivityCommand, type SensitivityOptions } from '../analysis/commands/sensitivity.js';
import { RANGES, rangeWords } from '../analysis/commands/option-checks.js';
import { decomposeCommand, DEFAULT_DECOMPOSITION_METRICS, type DecomposeOptions } from '../analysis/commands/decompose.js';
import { decompositionTable } from '../analysis/decomposition/table.js';
import type { ExecutionOptions } from '../analysis/commands/scenario-execution.js';
import { parseShard } from '../analysis/execution/shard.js';
import { EXECUTION_OPTIONS, fieldsOf, optionSpecs, type Fields } from './options.js';

function execution(fields: Fields<(typeof EXECUTION_OPTIONS)[number]>): ExecutionOptions {
  return { workers: fields.workers, quiet: fields.quiet, resume: fields.resume, shard: fields.shard === undefined ? null : parseShard(fields.shard) };
}

function printShardStored(out: string, shard: string | undefined): void {
  process.stdout.write(`shard ${shard} stored in ${out}/.thuiszit-work; when every shard is done: thuiszit merge ${out} --out <folder>\n`);
}

function printOutcome(result: ScenarioCommandResult, out: string, shard: string | undefined, replications: number): void {
  if (!result.complete) return printShardStored(out, shard);
  if (result.compared !== null) {
    process.stdout.write(headlineTable(result.compared, replications));
    const yearly = yearlyHeadlineTable(result.compared, replications);
    if (yearly !== '') process.stdout.write(`\n${yearly}`);
  }
  process.stdout.write(`\noutputs in ${out}\n`);
  if (result.reportPath !== null) process.stdout.write(`report: ${result.reportPath}\n`);
}

/** The commands, in the order the help lists them; the fail handler points to `thuiszit <command> --help`. */
export const COMMAND_NAMES = ['run', 'compare', 'report', 'sensitivity', 'decompose', 'calibrate', 'merge', 'validate', 'params', 'schema'] as const;

/** The commands that take positional arguments; the fail handler names the one missing or refused. */
export const COMMAND_SYNTAX: Readonly<Record<string, string>> & { merge: string; validate: string; report: string } = {
  merge: 'merge <dirs..>',
  validate: 'validate <file>',
  report: 'report <dir>',
};

const SCENARIO_RUN = ['set', 'goal', 'replications', 'seed', 'out', 'episodes', 'report', ...EXECUTION_OPTIONS] as const;
const RUN = ['scenario', ...SCENARIO_RUN] as const;
const COMPARE = ['scenarios', ...SCENARIO_RUN] as const;
const SENSITIVITY = ['scenario', 'param', 'method', 'samples', 'metrics', 'set', 'replications', 'seed', 'out', 'report', ...EXECUTION_OPTIONS] as const;
const DECOMPOSE = ['scenario', 'reference', 'component', 'orders', 'metrics', 'set', 'replications', 'seed', 'out', 'report', ...EXECUTION_OPTIONS] as const;
const CALIBRATE = ['scenario', 'data', 'param', 'set', 'replications', 'seed', 'max-evaluations', 'out', ...EXECUTION_OPTIONS] as const;
const MERGE = ['out', 'report', 'quiet'] as const;
const PARAMS = ['scenario', 'set', 'json'] as const;

export function registerCommands(cli: Argv, command: string): void {
  cli.command(
    'run',
    'run one scenario: N replications, summary.json, yearly.csv, goal.json, replications.csv, weekly.csv, manifest.json',
    (y) => y.options(optionSpecs(RUN, { scenario: { demandOption: true, default: undefined } })),
    async (args) => {
      const { scenario, ...fields } = fieldsOf(RUN, args);
      const result = await runScenarioCommand('run', { ...fields, scenarios: [scenario], execution: execution(fields), command } satisfies ScenarioCommandOptions);
      printOutcome(result, fields.out, fields.shard, fields.replications);
    },
  );
  cli.command(
    'compare',
    'run scenarios on the same seeds and compare each with the first (paired differences)',
    (y) => y.options(optionSpecs(COMPARE)),
    async (args) => {
      const fields = fieldsOf(COMPARE, args);
      const result = await runScenarioCommand('compare', { ...fields, execution: execution(fields), command } satisfies ScenarioCommandOptions);
      printOutcome(result, fields.out, fields.shard, fields.replications);
    },
  );
  cli.command(
    COMMAND_SYNTAX.merge,
    'combine the stored results of shards into the outputs a single run writes',
    (y) => y
      .positional('dirs', { type: 'string', default: undefined, describe: "output folders of the shards (each holding the work a `--shard` run stored)" })
      .options(optionSpecs(MERGE, {
        out: { describe: 'folder for the merged outputs' },
        quiet: { describe: 'no progress bar (merge draws none; taken so that every command that runs work takes it)' },
      })),
    async (args) => {
      const { quiet: _quiet, ...fields } = fieldsOf(MERGE, args);
      const dirs = (args.dirs ?? []) as string[];
      await mergeCommand({ ...fields, dirs, command } satisfies MergeOptions);
      process.stdout.write(`merged ${dirs.length} folders: outputs in ${fields.out}\n`);
    },
  );
  cli.command(
    COMMAND_SYNTAX.validate,
    'check a scenario file; exits non-zero with the field, value and expectation when it is wrong',
    (y) => y.positional('file', { type: 'string', describe: 'built-in scenario name or a .yaml/.yml/.json file' }),
    (args) => {
      process.stdout.write(validateCommand(args.file as string));
    },
  );
  cli.command(
    'params',
    'list every numeric parameter path with its value and provenance',
    (y) => y.options(optionSpecs(PARAMS)),
    (args) => {
      const fields = fieldsOf(PARAMS, args);
      process.stdout.write(paramsCommand(fields.scenario, fields.sets, fields.json));
    },
  );
  cli.command(
    COMMAND_SYNTAX.report,
    'draw report.html from the report-input.json an earlier command left in <dir>',
    (y) => y
      .positional('dir', { type: 'string', describe: 'output folder of an earlier command (holding its report-input.json)' })
      .options(optionSpecs(['out'], { out: { demandOption: false, describe: 'folder for report.html (default: <dir>)' } })),
    async (args) => {
      process.stdout.write(`report: ${await reportCommand(args.dir as string, args.out as string | undefined)}\n`);
    },
  );
  cli.command(
    'sensitivity',
    'sensitivity of the figures to parameters: one-at-a-time, Morris or Sobol',
    (y) => y.options(optionSpecs(SENSITIVITY, {
      replications: { default: 2, describe: `replications per design point (same seeds at every point): ${rangeWords(RANGES.sensitivityReplications)}` },
    })),
    async (args) => {
      const fields = fieldsOf(SENSITIVITY, args);
      const result = await sensitivityCommand({ ...fields, execution: execution(fields), command } satisfies SensitivityOptions);
      if (!result.complete) return printShardStored(fields.out, fields.shard);
      process.stdout.write(sensitivityTable(result.outcome!.indices));
      process.stdout.write(`\noutputs in ${fields.out}\n`);
    },
  );
  cli.command(
    'decompose',
    "split a package's effect over its components (Shapley values, paired on common random numbers)",
    (y) => y.options(optionSpecs(DECOMPOSE, {
      scenario: { demandOption: true, default: undefined, describe: 'the package: built-in name or a .yaml/.json file' },
      metrics: { default: [...DEFAULT_DECOMPOSITION_METRICS], defaultDescription: 'the headline metrics of the report', describe: 'metrics to decompose (names of summary.json)' },
      replications: { default: 10, describe: `replications per coalition (same seeds in every coalition): ${rangeWords(RANGES.sensitivityReplications)}` },
    })),
    async (args) => {
      const fields = fieldsOf(DECOMPOSE, args);
      const result = await decomposeCommand({ ...fields, execution: execution(fields), command } satisfies DecomposeOptions);
      if (!result.complete) return printShardStored(fields.out, fields.shard);
      process.stdout.write(decompositionTable(result.components, result.outcome!.metrics));
      process.stdout.write(`\noutputs in ${fields.out}\n`);
      if (result.reportPath !== null) process.stdout.write(`report: ${result.reportPath}\n`);
    },
  );
  cli.command(
    'calibrate',
    "fit parameters to a region's aggregate figures (CSV: measure,period,value[,sd])",
    (y) => y.options(optionSpecs(CALIBRATE, {
      param: { describe: 'path=low:high to fit (repeatable)' },
      replications: { default: 8, describe: `replications per evaluation (same seeds at every point): ${rangeWords(RANGES.calibrateReplications)}` },
      shard: { describe: 'refused: a calibration is sequential (each Nelder-Mead step needs the ones before) and runs as one task; --workers spreads each evaluation over cores' },
      resume: { describe: 'reuse the evaluations a stopped calibration stored in <out> (the fit then proposes the same points and ends the same)' },
    })),
    async (args) => {
      const fields = fieldsOf(CALIBRATE, args);
      const result = await calibrateCommand({ ...fields, execution: execution(fields), command } satisfies CalibrateOptions);
      for (const p of result.fitted) {
        process.stdout.write(`${p.path} = ${p.estimate.toPrecision(4)}  95% CI [${p.ci95_low.toPrecision(4)}, ${p.ci95_high.toPrecision(4)}]\n`);
      }
      process.stdout.write(`objective ${result.objective.toPrecision(4)} after ${result.evaluations} evaluations (${result.runs} replications)\noutputs in ${fields.out}\n`);
    },
  );
  cli.command('schema', 'print the JSON Schema of scenario files', {}, () => {
    process.stdout.write(schemaCommand());
  });
}

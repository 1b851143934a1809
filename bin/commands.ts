// Registers each command: parse options with yargs, call the typed function in analysis/, print.
import type { Argv } from 'yargs';
import { runScenarioCommand, type ScenarioCommandResult } from '../analysis/commands/scenario-commands.js';
import { mergeCommand } from '../analysis/commands/merge.js';
import { paramsCommand, schemaCommand, validateCommand } from '../analysis/commands/scenario-files.js';
import { headlineTable, sensitivityTable } from '../analysis/commands/text-table.js';
import { calibrateCommand } from '../analysis/commands/calibrate.js';
import { reportCommand } from '../analysis/commands/report-files.js';
import { DEFAULT_SENSITIVITY_METRICS, sensitivityCommand } from '../analysis/commands/sensitivity.js';
import { parseShard } from '../analysis/execution/shard.js';
import { executionOptions, scenarioRunOptions } from './options.js';

interface ExecutionArgs {
  workers: number;
  quiet: boolean;
  shard?: string | undefined;
  resume: boolean;
}

function execution(args: ExecutionArgs) {
  return {
    workers: args.workers,
    quiet: args.quiet,
    resume: args.resume,
    shard: args.shard === undefined ? null : parseShard(args.shard),
  };
}

function printOutcome(result: ScenarioCommandResult, out: string, shard: string | undefined, replications: number): void {
  if (!result.complete) {
    process.stdout.write(`shard ${shard} stored in ${out}/.thuiszit-work; when every shard is done: thuiszit merge ${out} --out <folder>\n`);
    return;
  }
  if (result.compared !== null) process.stdout.write(headlineTable(result.compared, replications));
  process.stdout.write(`\noutputs in ${out}\n`);
  if (result.reportPath !== null) process.stdout.write(`report: ${result.reportPath}\n`);
}

/** The commands that take positional arguments; the fail handler names the one missing or refused. */
export const COMMAND_SYNTAX: Readonly<Record<string, string>> & { merge: string; validate: string; report: string } = {
  merge: 'merge <dirs..>',
  validate: 'validate <file>',
  report: 'report <dir>',
};

export function registerCommands(cli: Argv, command: string): void {
  cli.command(
    'run',
    'run one scenario: N replications, summary.json, replications.csv, weekly.csv, manifest.json',
    (y) => y.options({ scenario: { type: 'string', requiresArg: true, demandOption: true, describe: 'built-in name or a .yaml/.json file' }, ...scenarioRunOptions, ...executionOptions }),
    async (args) => {
      const result = await runScenarioCommand('run', {
        scenarios: [args.scenario], sets: args.set, replications: args.replications, seed: args.seed, out: args.out,
        episodes: args.episodes, report: args.report, execution: execution(args), command,
      });
      printOutcome(result, args.out, args.shard, args.replications);
    },
  );
  cli.command(
    'compare',
    'run scenarios on the same seeds and compare each with the first (paired differences)',
    (y) => y.options({ scenarios: { type: 'string', array: true, requiresArg: true, demandOption: true, describe: 'built-in names or files; the first is the reference' }, ...scenarioRunOptions, ...executionOptions }),
    async (args) => {
      const result = await runScenarioCommand('compare', {
        scenarios: args.scenarios, sets: args.set, replications: args.replications, seed: args.seed, out: args.out,
        episodes: args.episodes, report: args.report, execution: execution(args), command,
      });
      printOutcome(result, args.out, args.shard, args.replications);
    },
  );
  cli.command(
    COMMAND_SYNTAX.merge,
    'combine the stored results of shards into the outputs a single run writes',
    (y) => y.positional('dirs', { type: 'string', array: true, demandOption: true }).options({
      out: { type: 'string', requiresArg: true, demandOption: true, describe: 'folder for the merged outputs' },
      report: { type: 'boolean', default: false, describe: 'also write report.html' },
    }),
    async (args) => {
      await mergeCommand({ dirs: args.dirs as string[], out: args.out, report: args.report, command });
      process.stdout.write(`merged ${args.dirs?.length ?? 0} folders: outputs in ${args.out}\n`);
    },
  );
  cli.command(
    COMMAND_SYNTAX.validate,
    'check a scenario file; exits non-zero with the field, value and expectation when it is wrong',
    (y) => y.positional('file', { type: 'string', demandOption: true }),
    (args) => {
      process.stdout.write(validateCommand(args.file as string));
    },
  );
  cli.command(
    'params',
    'list every numeric parameter path with its value and provenance',
    (y) => y.options({
      scenario: { type: 'string', requiresArg: true, default: 'baseline', describe: 'built-in name or file' },
      set: scenarioRunOptions.set,
      json: { type: 'boolean', default: false, describe: 'print JSON instead of a table' },
    }),
    (args) => {
      process.stdout.write(paramsCommand(args.scenario, args.set, args.json));
    },
  );
  cli.command(
    COMMAND_SYNTAX.report,
    'draw report.html from the report-input.json an earlier command left in <dir>',
    (y) => y.positional('dir', { type: 'string', demandOption: true }).options({
      out: { type: 'string', requiresArg: true, describe: 'folder for report.html (default: <dir>)' },
    }),
    async (args) => {
      process.stdout.write(`report: ${await reportCommand(args.dir as string, args.out)}\n`);
    },
  );
  cli.command(
    'sensitivity',
    'sensitivity of the figures to parameters: one-at-a-time, Morris or Sobol',
    (y) => y.options({
      scenario: { type: 'string', requiresArg: true, default: 'baseline', describe: 'built-in name or file' },
      param: { type: 'string', array: true, requiresArg: true, demandOption: true, describe: 'path=low:high (repeatable; paths from `thuiszit params`)' },
      method: { type: 'string', requiresArg: true, choices: ['oat', 'morris', 'sobol'], default: 'morris', describe: 'oat: tornado; morris: mu*, sigma; sobol: S1, ST with bootstrap CIs' },
      samples: { type: 'number', requiresArg: true, default: 16, describe: 'Morris trajectories, or Sobol base samples N (N*(k+2) points)' },
      metrics: { type: 'string', array: true, requiresArg: true, default: DEFAULT_SENSITIVITY_METRICS, describe: 'metrics to analyse (names of summary.json)' },
      ...scenarioRunOptions,
      replications: { type: 'number', requiresArg: true, default: 2, describe: 'replications per design point (same seeds at every point)' },
      ...executionOptions,
    }),
    async (args) => {
      const result = await sensitivityCommand({
        scenario: args.scenario, sets: args.set, params: args.param, method: args.method, samples: args.samples,
        replications: args.replications, seed: args.seed, metrics: args.metrics, out: args.out, report: args.report,
        execution: execution(args), command,
      });
      if (!result.complete) {
        process.stdout.write(`shard ${args.shard} stored in ${args.out}/.thuiszit-work; when every shard is done: thuiszit merge ${args.out} --out <folder>\n`);
        return;
      }
      process.stdout.write(sensitivityTable(result.outcome!.indices));
      process.stdout.write(`\noutputs in ${args.out}\n`);
    },
  );
  cli.command(
    'calibrate',
    "fit parameters to a region's aggregate figures (CSV: measure,period,value[,sd])",
    (y) => y.options({
      scenario: { type: 'string', requiresArg: true, default: 'baseline', describe: 'built-in name or file' },
      data: { type: 'string', requiresArg: true, demandOption: true, describe: 'CSV with columns measure,period,value[,sd]; value may be suppressed (<5)' },
      param: { type: 'string', array: true, requiresArg: true, demandOption: true, describe: 'path=low:high to fit (repeatable)' },
      set: scenarioRunOptions.set,
      replications: { type: 'number', requiresArg: true, default: 8, describe: 'replications per evaluation (same seeds at every point)' },
      seed: scenarioRunOptions.seed,
      'max-evaluations': { type: 'number', requiresArg: true, default: 60, describe: 'objective evaluations for Nelder-Mead' },
      out: scenarioRunOptions.out,
      workers: executionOptions.workers,
    }),
    async (args) => {
      const result = await calibrateCommand({
        scenario: args.scenario, sets: args.set, data: args.data, params: args.param, replications: args.replications,
        seed: args.seed, maxEvaluations: args['max-evaluations'], out: args.out, workers: args.workers, command,
      });
      for (const p of result.fitted) {
        process.stdout.write(`${p.path} = ${p.estimate.toPrecision(4)}  95% CI [${p.ci95_low.toPrecision(4)}, ${p.ci95_high.toPrecision(4)}]\n`);
      }
      process.stdout.write(`objective ${result.objective.toPrecision(4)} after ${result.evaluations} evaluations (${result.runs} replications)\noutputs in ${args.out}\n`);
    },
  );
  cli.command('schema', 'print the JSON Schema of scenario files', {}, () => {
    process.stdout.write(schemaCommand());
  });
}

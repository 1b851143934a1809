#!/usr/bin/env node
// Benchmark commands that print figures, not timed tests: `npm run bench -- mmc --customers 1000000 --json`.
// One subcommand per entry in analysis/bench/registry.ts.
import yargs from 'yargs';
import type { Argv } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { benchModels } from '../analysis/bench/registry.js';
import type { BenchModel, BenchReport } from '../analysis/bench/registry.js';

function formatValue(value: string | number): string {
  if (typeof value === 'string') return value;
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return Math.abs(value) >= 1000 ? value.toLocaleString('en-US', { maximumFractionDigits: 0 }) : String(Number(value.toPrecision(6)));
}

function printReport(report: BenchReport, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return;
  }
  const width = Math.max(...Object.keys(report).map((key) => key.length));
  for (const [key, value] of Object.entries(report)) {
    process.stdout.write(`${key.padEnd(width)}  ${formatValue(value)}\n`);
  }
}

function addCommand<T>(cli: Argv<T>, model: BenchModel): Argv<T> {
  return cli.command(
    model.name,
    model.description,
    (command) => command.options(model.options),
    (args) => {
      try {
        printReport(model.run(args), args['json'] === true);
      } catch (error) {
        // Bad parameters are the user's to fix: show the message, not a stack trace.
        process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 1;
      }
    },
  );
}

let cli = yargs(hideBin(process.argv))
  .scriptName('bench')
  .option('json', { type: 'boolean', default: false, describe: 'print one JSON line instead of a table' })
  .demandCommand(1, `name a bench model: ${benchModels.map((model) => model.name).join(', ')}`)
  .strict();
for (const model of benchModels) cli = addCommand(cli, model);
await cli.parseAsync();

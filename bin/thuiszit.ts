#!/usr/bin/env node
// The command line: yargs over the typed functions in analysis/ that the tests call too.
import yargs, { type Argv } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { registerCommands } from './commands.js';

function commandLine(): string {
  return ['thuiszit', ...hideBin(process.argv)].join(' ');
}

const cli: Argv = yargs(hideBin(process.argv))
  .scriptName('thuiszit')
  .usage('$0 <command> [options]\n\nSimulate Dutch regional thuiszitter policy: run scenarios, compare them, report.')
  .strict()
  .demandCommand(1, 'name a command: run, compare, report, sensitivity, calibrate, merge, validate, params, schema')
  .recommendCommands()
  .wrap(Math.min(110, process.stdout.columns ?? 110))
  .fail((message: string | undefined, error: Error | undefined) => {
    process.stderr.write(`thuiszit: ${error?.message ?? message ?? 'failed'}\n`);
    if (error === undefined) process.stderr.write('run `thuiszit --help` for the commands and their options\n');
    process.exit(error === undefined ? 2 : 1);
  });

registerCommands(cli, commandLine());
await cli.parseAsync();

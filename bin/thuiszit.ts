#!/usr/bin/env node
// The command line: yargs over the typed functions in analysis/ that the tests call too.
import yargs, { type Argv } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { OptionError, optionProblem } from '../analysis/commands/option-checks.js';
import { visibleText } from '../analysis/output/visible-text.js';
import { COMMAND_NAMES, COMMAND_SYNTAX, registerCommands } from './commands.js';
import { checkTypedOptions, type OptionKinds } from './typed-options.js';

const args = hideBin(process.argv);

// `thuiszit params | head` closes the pipe early: that is the reader's choice, not an error, so the
// command ends quietly (and successfully) instead of printing a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

/** The command being run, when the arguments name one. */
function commandName(): string | undefined {
  const name = args.find((arg) => !arg.startsWith('-'));
  return (COMMAND_NAMES as readonly string[]).includes(name ?? '') ? name : undefined;
}

function commandLine(): string {
  return ['thuiszit', ...args].join(' ');
}

/** The positional arguments of the command being run, as its syntax writes them (`<dir>`). */
function positionals(): { command: string; syntax: string; names: string[] } | undefined {
  const command = args.find((arg) => !arg.startsWith('-'));
  const syntax = command === undefined ? undefined : COMMAND_SYNTAX[command];
  if (command === undefined || syntax === undefined) return undefined;
  return { command, syntax, names: [...syntax.matchAll(/<([^>.]+)(\.\.)?>/g)].map((m) => m[1]!) };
}

/** yargs says only "Not enough non-option arguments"; say which argument is missing. */
function usageMessage(message: string): string {
  const command = positionals();
  if (command === undefined || !message.startsWith('Not enough non-option arguments')) return message;
  return `${command.command}: missing ${command.names.map((n) => `<${n}>`).join(' ')} (usage: thuiszit ${command.syntax})`;
}

/** Analysis functions name every argument `--name`; a positional one is written `<name>` here. */
function refusalMessage(error: Error): string {
  const positional = error instanceof OptionError && positionals()?.names.includes(error.option);
  return positional ? optionProblem(`<${error.option}>`, error.value, error.expected) : error.message;
}

/**
 * One way out for every failure: a usage mistake yargs found (exit 2, with a pointer to --help) or
 * refused input a command threw (exit 1), both as one line naming the option, value and expectation.
 * Errors thrown by synchronous handlers (validate, params) bypass yargs' fail hook and arrive here
 * through the catch below, so they get the same line instead of a stack trace.
 */
function fail(message: string | undefined, error: unknown): never {
  const missingValue = error instanceof Error ? /^Not enough arguments following: (.+)$/.exec(error.message) : null;
  if (missingValue !== null) return fail(optionProblem(`--${missingValue[1]}`, undefined, 'a value after it').replace(/got undefined$/, 'got nothing'), undefined);
  if (error instanceof Error) {
    // A message may quote a scenario's text: its control characters are shown, not obeyed.
    process.stderr.write(`thuiszit: ${visibleText(refusalMessage(error))}\n`);
    process.exit(1);
  }
  process.stderr.write(`thuiszit: ${usageMessage(message ?? String(error ?? 'failed'))}\n`);
  const name = commandName();
  process.stderr.write(name === undefined ? 'run `thuiszit --help` for the commands and their options\n' : `run \`thuiszit ${name} --help\` for its options\n`);
  process.exit(2);
}

/** The options that take a list (`--set`, `--param`) and the flags; yargs keeps its table untyped. */
function optionKinds(): OptionKinds {
  return (cli as unknown as { getOptions(): OptionKinds }).getOptions();
}

const cli: Argv = yargs(args)
  .scriptName('thuiszit')
  .usage('$0 <command> [options]\n\nSimulate Dutch regional thuiszitter policy: run scenarios, compare them, report.')
  .strict()
  .demandCommand(1, 'name a command: run, compare, report, sensitivity, decompose, calibrate, merge, validate, params, schema')
  .recommendCommands()
  .middleware(checkTypedOptions(args, optionKinds), true)
  .help()
  .alias('h', 'help')
  .wrap(Math.min(110, process.stdout.columns ?? 110))
  .fail((message: string | undefined, error: Error | undefined) => fail(message, error));

registerCommands(cli, commandLine());
try {
  await cli.parseAsync();
} catch (error) {
  fail(undefined, error);
}

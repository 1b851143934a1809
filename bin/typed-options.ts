// Checks of what yargs' parser loses, run as middleware before validation.
import { OptionError } from '../analysis/commands/option-checks.js';

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

/** Text given to a flag as `--name=text`; yargs reads anything but `true` as false. */
function flagValues(args: readonly string[], name: string): string[] {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).filter((token) => token.startsWith(`--${name}=`)).map((token) => token.slice(name.length + 3));
}

export interface OptionKinds {
  /** Options that take a list (`--set`, `--param`). */
  array: readonly string[];
  /** Flags (`--report`, `--quiet`). */
  boolean: readonly string[];
}

/**
 * yargs turns text given to a `number` option into NaN, so the analysis checks could only say
 * `got null`: here the option is named with the text that was typed. A single-valued option given
 * twice becomes a list, or, when the second value is 1, the sum of both (yargs-parser reads a 1 as a
 * count increment: `--replications 2 --replications 1` gives 3), so a repeat is refused outright. A
 * flag given a value other than true or false (`--report=yes`, `--episodes=maybe`) would be silently
 * false, so it is refused: a flag is given bare, or as =true / =false. yargs also stores camelCase
 * aliases (`maxEvaluations`); those were never typed and find no text, so the dashed name is reported.
 */
export function checkTypedOptions(args: readonly string[], kinds: () => OptionKinds): (argv: Record<string, unknown>) => void {
  return (argv) => {
    const { array, boolean } = kinds();
    for (const name of boolean) {
      const refused = flagValues(args, name).find((text) => text !== 'true' && text !== 'false');
      if (refused !== undefined) throw new OptionError(name, refused, 'no value (it is a flag), or =true or =false');
    }
    const lists = new Set(array);
    for (const [name, value] of Object.entries(argv)) {
      const typed = typedValues(args, name);
      if (typed.length > 1 && !lists.has(name) && !boolean.includes(name)) throw new OptionError(name, typed, 'the option once (it takes one value)');
      const values = Array.isArray(value) ? (value as unknown[]) : [value];
      if (typed.length > 0 && values.some((v) => typeof v === 'number' && Number.isNaN(v))) {
        throw new OptionError(name, typed.find((text) => Number.isNaN(Number(text))) ?? typed[0], 'a number');
      }
    }
  };
}

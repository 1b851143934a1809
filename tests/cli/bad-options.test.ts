// Bad command-line options for run, compare, sensitivity and calibrate, through the compiled CLI:
// each is refused with a message naming the option, the value typed and what was expected, before
// any work starts, so an output folder holding an earlier run's results keeps them byte for byte.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, it } from 'vitest';
import { temporaryDir } from './helpers.js';
import { copyOf, earlierOutputs, expectRefusal, expectUnchanged, runCliAsync, type EarlierOutputs } from './refusal.js';

interface BadOptionCase {
  name: string;
  /** The arguments after the command; OUT stands for the folder with earlier outputs. */
  args: string[];
  /** Each must appear in stderr: the option, the value given, what was expected. */
  says: RegExp[];
}

let earlier: EarlierOutputs;
let data: string;

beforeAll(() => {
  earlier = earlierOutputs('bad-options');
  data = path.join(temporaryDir('bad-options-data'), 'observed.csv');
  writeFileSync(data, 'measure,period,value\nover_13_weeks_legal,2016,50\n');
});

function refuses(command: string, cases: readonly BadOptionCase[]): void {
  it.concurrent.each(cases)('$name', async ({ args, says }) => {
    const folder = copyOf(earlier, command);
    const resolved = args.map((arg) => arg.replace('OUT', folder.dir).replace('DATA', data));
    expectRefusal(await runCliAsync([command, ...resolved]), says);
    expectUnchanged(folder);
  });
}

/** The base arguments with one option set to a bad value (or given bare), never given twice. */
function given(base: readonly string[], option: string, ...value: string[]): string[] {
  const at = base.indexOf(option);
  const without = at < 0 ? [...base] : [...base.slice(0, at), ...base.slice(at + 2)];
  return [...without, option, ...value];
}

const run = ['--scenario', 'baseline', '--replications', '1', '--workers', '1', '--quiet', '--out', 'OUT'];

describe('thuiszit run refuses bad options', () => {
  refuses('run', [
    { name: '--replications 0', args: given(run, '--replications', '0'), says: [/--replications: expected a whole number from 1 to 100000, got 0\b/] },
    { name: '--replications -1', args: given(run, '--replications', '-1'), says: [/--replications: expected a whole number from 1 to 100000, got -1\b/] },
    { name: '--replications 1.5', args: given(run, '--replications', '1.5'), says: [/--replications: expected a whole number from 1 to 100000, got 1\.5\b/] },
    // yargs makes 'abc' NaN; the message must show what was typed, not NaN or null.
    { name: '--replications abc', args: given(run, '--replications', 'abc'), says: [/--replications: expected a number, got "abc"/] },
    { name: '--replications=abc', args: ['--scenario', 'baseline', '--replications=abc', '--out', 'OUT'], says: [/--replications: expected a number, got "abc"/] },
    // Without requiresArg yargs would quietly run the default 20 replications.
    { name: '--replications with no value', args: given(run, '--replications'), says: [/--replications: expected a value after it, got nothing/] },
    // yargs-parser would read the second value 1 as a count increment and run 3 replications.
    {
      name: '--replications given twice',
      args: ['--scenario', 'baseline', '--replications', '2', '--replications', '1', '--out', 'OUT'],
      says: [/--replications: expected the option once \(it takes one value\), got \["2","1"\]/],
    },
    { name: '--seed -1', args: given(run, '--seed', '-1'), says: [/--seed: expected a whole number >= 0, got -1\b/] },
    { name: '--seed x', args: given(run, '--seed', 'x'), says: [/--seed: expected a number, got "x"/] },
    { name: '--workers 0', args: given(run, '--workers', '0'), says: [/--workers: expected a whole number from 1 to 1024, got 0\b/] },
    { name: '--shard 3/2', args: given(run, '--shard', '3/2'), says: [/--shard is '3\/2'/, /expected 'i\/n' with 0 <= i < n/] },
    { name: '--shard x', args: given(run, '--shard', 'x'), says: [/--shard is 'x'/, /expected 'i\/n'/] },
    { name: 'an unknown option', args: given(run, '--replicatoins', '2'), says: [/Unknown argument: replicatoins/] },
    { name: 'no --scenario', args: ['--out', 'OUT'], says: [/Missing required argument: scenario/] },
    { name: 'no --out', args: ['--scenario', 'baseline'], says: [/Missing required argument: out/] },
    // Goals: the goal text, the part that is wrong and what was expected.
    { name: "--goal 'over_13_weeks_legal<0'", args: given(run, '--goal', 'over_13_weeks_legal<0'), says: [/goal "over_13_weeks_legal<0": the comparison '<' is not allowed; expected <= or >=/, /\(--goal\)/] },
    { name: '--goal with an unknown metric', args: given(run, '--goal', 'at_home<=3'), says: [/goal "at_home<=3" \(--goal\): 'at_home' is not a metric; expected one of .*over_13_weeks_legal/] },
    { name: '--goal with a reference year outside the run', args: given(run, '--goal', 'exemptions<=-10%@2016/17'), says: [/reference year 2016\/17 is not a measured year of scenario 'baseline'; expected one of its years: \d{4}\/\d{2}/] },
    { name: '--goal with no value', args: given(run, '--goal'), says: [/--goal: expected a value after it, got nothing/] },
  ]);
});

const compare = ['--scenarios', 'baseline', 'care-priority', '--replications', '1', '--workers', '1', '--quiet', '--out', 'OUT'];

describe('thuiszit compare refuses bad options', () => {
  refuses('compare', [
    { name: '--replications abc', args: given(compare, '--replications', 'abc'), says: [/--replications: expected a number, got "abc"/] },
    { name: '--seed 1.5', args: given(compare, '--seed', '1.5'), says: [/--seed: expected a whole number >= 0, got 1\.5\b/] },
    { name: '--workers -2', args: given(compare, '--workers', '-2'), says: [/--workers: expected a whole number from 1 to 1024, got -2\b/] },
    { name: '--goal with text as the value', args: given(compare, '--goal', 'exemptions<=ten'), says: [/goal "exemptions<=ten": the value "ten" is not a number; expected a number/] },
    { name: '--shard 2/2', args: given(compare, '--shard', '2/2'), says: [/--shard is '2\/2' \(index 2, count 2\)/, /expected 'i\/n' with 0 <= i < n/] },
    {
      name: 'a scenario given twice',
      args: ['--scenarios', 'baseline', 'baseline', '--replications', '1', '--out', 'OUT'],
      says: [/--scenarios: expected each scenario once \(baseline appears twice\), got \["baseline","baseline"\]/],
    },
    { name: '--scenarios with no names', args: ['--scenarios', '--out', 'OUT'], says: [/--scenarios: expected a value after it, got nothing/] },
    { name: 'no --scenarios', args: ['--out', 'OUT'], says: [/Missing required argument: scenarios/] },
  ]);
});

const sensitivity = ['--param', 'school.mdtCadenceWeeks=2:6', '--method', 'oat', '--samples', '1', '--replications', '1', '--workers', '1', '--quiet', '--out', 'OUT'];

describe('thuiszit sensitivity refuses bad options', () => {
  refuses('sensitivity', [
    { name: '--replications 0', args: given(sensitivity, '--replications', '0'), says: [/--replications: expected a whole number from 1 to 10000, got 0\b/] },
    { name: '--samples abc', args: given(sensitivity, '--samples', 'abc'), says: [/--samples: expected a number, got "abc"/] },
    { name: '--samples 1 for morris', args: given(sensitivity, '--method', 'morris'), says: [/--samples: expected a whole number from 2 to 1000000, got 1\b/] },
    { name: '--method nope', args: given(sensitivity, '--method', 'nope'), says: [/Argument: method, Given: "nope", Choices: "oat", "morris", "sobol"/] },
    { name: '--seed -1', args: given(sensitivity, '--seed', '-1'), says: [/--seed: expected a whole number >= 0, got -1\b/] },
    { name: '--shard x', args: given(sensitivity, '--shard', 'x'), says: [/--shard is 'x'/, /expected 'i\/n'/] },
    {
      name: '--param without a range',
      args: ['--param', 'school.mdtCadenceWeeks', '--out', 'OUT'],
      says: [/--param "school\.mdtCadenceWeeks": missing "="/, /expected path=low:high/],
    },
    {
      name: '--param with low above high',
      args: ['--param', 'school.mdtCadenceWeeks=6:2', '--out', 'OUT'],
      says: [/--param "school\.mdtCadenceWeeks=6:2": low bound 6 must be less than high bound 2/],
    },
    // Refused before any design point runs, so no work folder is left behind.
    { name: '--metrics nosuch', args: given(sensitivity, '--metrics', 'nosuch'), says: [/--metrics: expected a metric of summary\.json \(share_offer_within_13_weeks, .*\), got "nosuch"/] },
    { name: 'no --param', args: ['--out', 'OUT'], says: [/Missing required argument: param/] },
  ]);
});

const calibrate = ['--data', 'DATA', '--param', 'school.mdtCadenceWeeks=2:6', '--replications', '2', '--workers', '1', '--out', 'OUT'];

describe('thuiszit calibrate refuses bad options', () => {
  refuses('calibrate', [
    { name: '--replications 1', args: given(calibrate, '--replications', '1'), says: [/--replications: expected a whole number from 2 to 10000, got 1\b/] },
    { name: '--max-evaluations xyz', args: given(calibrate, '--max-evaluations', 'xyz'), says: [/--max-evaluations: expected a number, got "xyz"/] },
    { name: '--seed -1', args: given(calibrate, '--seed', '-1'), says: [/--seed: expected a whole number >= 0, got -1\b/] },
    { name: '--workers 0', args: given(calibrate, '--workers', '0'), says: [/--workers: expected a whole number from 1 to 1024, got 0\b/] },
    // Nelder-Mead is sequential: there is no fixed list of work to split between cluster tasks.
    { name: '--shard 0/2', args: given(calibrate, '--shard', '0/2'), says: [/--shard: expected no --shard: a calibration is sequential .*use --workers .*, got "0\/2"/] },
    {
      name: '--data naming no file',
      args: ['--data', 'no-such-observations.csv', '--param', 'school.mdtCadenceWeeks=2:6', '--out', 'OUT'],
      says: [/--data: expected an existing CSV file with columns measure,period,value\[,sd\], got "no-such-observations\.csv"/],
    },
    { name: 'no --data', args: ['--param', 'school.mdtCadenceWeeks=2:6', '--out', 'OUT'], says: [/Missing required argument: data/] },
  ]);
});

const decompose = ['--scenario', 'care-priority', '--replications', '1', '--workers', '1', '--quiet', '--out', 'OUT'];

describe('thuiszit decompose refuses bad options', () => {
  refuses('decompose', [
    { name: '--replications 0', args: given(decompose, '--replications', '0'), says: [/--replications: expected a whole number from 1 to 10000, got 0\b/] },
    { name: '--orders 1', args: given(decompose, '--orders', '1'), says: [/--orders: expected a whole number from 2 to 100000, got 1\b/] },
    { name: '--metrics misspelt', args: given(decompose, '--metrics', 'over_13_weeks'), says: [/--metrics: expected a metric of summary\.json .*got "over_13_weeks"/] },
    { name: '--component without =', args: given(decompose, '--component', 'ggz'), says: [/--component: expected name=path1,path2 .*got "ggz"/] },
    { name: '--component on a path the package leaves alone', args: given(decompose, '--component', 'x=policy.budgets'), says: [/--component: expected paths the package changes \(care\.ambulant\.discipline, care\.ggz\.discipline, care\.specialist\.discipline\); 'policy\.budgets' changes nothing, got "x=policy\.budgets"/] },
    { name: '--component overlapping another', args: [...decompose, '--component', 'a=care.ggz', '--component', 'b=care'], says: [/--component: expected each change in one component \('care\.ggz\.discipline' is also in 'a'\), got "b=care"/] },
    { name: '--scenario equal to the reference', args: given(decompose, '--scenario', 'baseline'), says: [/--scenario: expected a package that differs from the reference baseline .*got "baseline"/] },
    { name: '--reference unknown', args: given(decompose, '--reference', 'basline'), says: [/basline/] },
  ]);
});

// Probes of a hostile or careless user (issue 11, items 10-15), one row each: the arguments, the exit
// code, words the message must (and must not) hold, and a time limit, since several of these hung or
// ran out of memory before they were refused. Every row runs against a copy of an earlier run's
// outputs given as --out (or left alone when --out names something else), which must stay unchanged.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { root, temporaryDir } from './helpers.js';
import { copyOf, earlierOutputs, expectRefusal, expectUnchanged, runCliAsync, type EarlierOutputs } from './refusal.js';

interface Probe {
  /** Issue item and what is probed. */
  name: string;
  /** Arguments; OUT is the folder with earlier outputs, FIX/ the folder of the files below. */
  args: string[];
  status: number;
  says: RegExp[];
  /** Words that would blame the wrong place. */
  never?: RegExp[];
}

const ALIAS_BOMB = ['a: &a [1,1,1,1,1,1,1,1,1,1]', ...'bcdef'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcde'[i]}`).join(',')}]`)].join('\n');

const fixtures: Record<string, string> = {
  'alias-bomb.yaml': `${ALIAS_BOMB}\n`,
  'proto.yaml': 'extends: baseline\n__proto__:\n  warmupYears: 9\n',
  'negative.csv': 'measure,period,value\nover_13_weeks_legal,2016,-5\n',
  'above-negative.csv': 'measure,period,value\nover_13_weeks_legal,2016,>-5\n',
  'many-rows.csv': `measure,period,value\n${Array.from({ length: 10_001 }, (_, i) => `over_13_weeks_legal,p${i},50`).join('\n')}\n`,
  'too-big.csv': `measure,period,value\n${'over_13_weeks_legal,2016,50\n'.repeat(90_000)}`,
};

let earlier: EarlierOutputs;
let fix: string;

beforeAll(() => {
  earlier = earlierOutputs('hostile');
  fix = temporaryDir('hostile-files');
  for (const [name, text] of Object.entries(fixtures)) writeFileSync(path.join(fix, name), text);
  mkdirSync(path.join(fix, 'a-folder.yaml'));
  mkdirSync(path.join(fix, 'a-folder.csv'));
  writeFileSync(path.join(fix, 'a-file'), 'not a folder\n');
  execFileSync('mkfifo', [path.join(fix, 'fifo.yaml')]);
  symlinkSync('/dev/zero', path.join(fix, 'zero.yaml'));
});

const quick = ['--replications', '1', '--workers', '1', '--quiet'];
const run = (...extra: string[]) => ['run', '--scenario', 'baseline', ...quick, ...extra, '--out', 'OUT'];
const calibrate = (data: string) => ['calibrate', '--data', data, '--param', 'school.mdtCadenceWeeks=2:6', '--replications', '2', '--workers', '1', '--out', 'OUT'];
const zeroWeights = (group: string, keys: readonly string[]) => run(...keys.flatMap((key) => ['--set', `${group}.${key}=0`]));
const sectors = 'escalation.interventieteam.sectors';

const probes: Probe[] = [
  // 10. List indexes bounded by the list's length, the option blamed.
  { name: '10 index 2^32', args: run('--set', `${sectors}.4294967296=VO`), status: 1, says: [/--set escalation\.interventieteam\.sectors\.4294967296=VO: expected an index of escalation\.interventieteam\.sectors from 0 to 2 .*got 4294967296/] },
  { name: '10 index 100000000', args: run('--set', `${sectors}.100000000=VO`), status: 1, says: [/--set escalation\.interventieteam\.sectors\.100000000=VO: expected an index .* from 0 to 2/] },
  { name: '10 index 5 blames --set', args: run('--set', `${sectors}.5=VO`), status: 1, says: [/--set escalation\.interventieteam\.sectors\.5=VO: expected an index .*got 5/], never: [/baseline\.yaml/] },
  // 11. Sizes inside the per-field ranges that exhausted memory: refused at once, with the count.
  {
    name: '11 ten million referrals a year',
    args: run('--set', 'care.ggz.backgroundReferralsPerYear=10000000'),
    status: 1,
    says: [/--set care\.ggz\.backgroundReferralsPerYear=10000000: care\.ggz\.backgroundReferralsPerYear: expected a scenario of at most 1,000,000 simulated arrivals a year.*got about 10,004,\d{3}/],
  },
  {
    name: '11 a million Sobol samples',
    args: ['sensitivity', '--param', 'school.mdtCadenceWeeks=2:6', '--method', 'sobol', '--samples', '1000000', '--replications', '1', '--workers', '1', '--quiet', '--out', 'OUT'],
    status: 1,
    says: [/--samples: expected at most 100,000 work items in all \(3000000 design points x 1 replications = 3,000,000\), got 1000000/],
  },
  {
    name: '11 two scenarios x 100,000 replications',
    args: ['compare', '--scenarios', 'baseline', 'dullaert', '--replications', '100000', '--workers', '1', '--quiet', '--out', 'OUT'],
    status: 1,
    says: [/--replications: expected at most 100,000 work items in all \(2 scenario\(s\) x 100000 replications = 200,000\), got 100000/],
  },
  // 12. Degenerate parameter sets (all-zero weights are refused by the schema's own weights, on main).
  { name: '12 complexity weights all 0', args: zeroWeights('needs.complexity', ['simple', 'complicated', 'complex', 'chaotic', 'stagnation']), status: 1, says: [/--set needs\.complexity\.\w+=0: needs\.complexity: complexity weights are all 0 \(expected at least one above 0\)/] },
  { name: '12 care type weights all 0', args: zeroWeights('needs.careType', ['ambulant', 'ggz', 'specialist']), status: 1, says: [/needs\.careType: careType weights are all 0/] },
  { name: '12 impasse cause weights all 0', args: zeroWeights('pathway.impasseCause', ['place', 'funding', 'parents']), status: 1, says: [/pathway\.impasseCause: impasseCause weights are all 0/] },
  { name: '12 VO pupils without a VO school', args: run('--set', 'region.schools.VO=0'), status: 1, says: [/--set region\.schools\.VO=0: region\.schools\.VO: expected at least 1 school, as region\.pupils\.VO is 13270, got 0/] },
  { name: '12 a __proto__ key', args: ['run', '--scenario', 'FIX/proto.yaml', ...quick, '--out', 'OUT'], status: 1, says: [/proto\.yaml:2:1: __proto__: '__proto__' is not a scenario field/] },
  // 13. Calibration data: counts below 0, and files too long for what they are.
  { name: '13 a count of -5', args: calibrate('FIX/negative.csv'), status: 1, says: [/negative\.csv: row 2, column value: got "-5", expected a number >= 0/] },
  { name: '13 a count above -5', args: calibrate('FIX/above-negative.csv'), status: 1, says: [/above-negative\.csv: row 2, column value: got ">-5", expected a number >= 0/] },
  { name: '13 10,001 rows', args: calibrate('FIX/many-rows.csv'), status: 1, says: [/many-rows\.csv: row 10002, column \(file\): got "10001 rows", expected at most 10,000 observation rows/] },
  { name: '13 a 2.5 MB data file', args: calibrate('FIX/too-big.csv'), status: 1, says: [/--data: expected a CSV file .*a regular file of at most 2,097,152 bytes; this is ".*too-big\.csv" of 2,520,021 bytes/] },
  // 14. A value given to a flag.
  { name: '14 --report=yes', args: run('--report=yes'), status: 1, says: [/--report: expected no value \(it is a flag\), or =true or =false, got "yes"/] },
  { name: '14 --report=1', args: run('--report=1'), status: 1, says: [/--report: expected no value \(it is a flag\), or =true or =false, got "1"/] },
  { name: '14 --episodes=maybe', args: run('--episodes=maybe'), status: 1, says: [/--episodes: expected no value \(it is a flag\), or =true or =false, got "maybe"/] },
  // 15. Messages in the promised form, and no hang on what is not a regular file.
  { name: '15 a folder as scenario', args: ['run', '--scenario', 'FIX/a-folder.yaml', ...quick, '--out', 'OUT'], status: 1, says: [/a-folder\.yaml: expected a regular file of at most 1,048,576 bytes, got ".*a-folder\.yaml", a directory/] },
  { name: '15 a folder as --data', args: calibrate('FIX/a-folder.csv'), status: 1, says: [/--data: expected a CSV file .*a regular file .* this is ".*a-folder\.csv", a directory/] },
  { name: '15 a FIFO as scenario', args: ['run', '--scenario', 'FIX/fifo.yaml', ...quick, '--out', 'OUT'], status: 1, says: [/fifo\.yaml: expected a regular file .*, got ".*fifo\.yaml", a named pipe \(FIFO\)/] },
  { name: '15 a link to /dev/zero as scenario', args: ['run', '--scenario', 'FIX/zero.yaml', ...quick, '--out', 'OUT'], status: 1, says: [/zero\.yaml: expected a regular file .*, got ".*zero\.yaml", a device/] },
  { name: '15 the YAML alias bomb', args: ['validate', 'FIX/alias-bomb.yaml'], status: 1, says: [/alias-bomb\.yaml: refused: Excessive alias count .*\(expected at most 100 alias expansions\)/] },
  { name: '15 --replications Infinity', args: ['run', '--scenario', 'baseline', '--replications', 'Infinity', '--out', 'OUT'], status: 1, says: [/--replications: expected a whole number from 1 to 100000, got Infinity/] },
  { name: '15 --out a file', args: ['run', '--scenario', 'baseline', ...quick, '--out', 'FIX/a-file'], status: 1, says: [/--out: expected a folder, or a name for a new folder .*a-file is not a folder\), got ".*a-file"/] },
  { name: '15 --out /proc/x', args: ['run', '--scenario', 'baseline', ...quick, '--out', '/proc/thuiszit-x'], status: 1, says: [/--out: expected a folder, or a name for a new folder .*\(cannot make a folder in \/proc: E[A-Z]+\), got "\/proc\/thuiszit-x"/] },
];

describe('hostile input is refused at once, clearly, touching nothing', () => {
  it.concurrent.each(probes)('$name', async ({ args, status, says, never }) => {
    const folder = copyOf(earlier, 'hostile');
    const resolved = args.map((arg) => arg.replace('OUT', folder.dir).replace('FIX/', `${fix}/`));
    // Refusals come before any work: 60 s is far above a refusal, even with every row started at once
    // on two busy cores (up to 17 s measured), and below the minutes these took before they were refused.
    const result = await runCliAsync(resolved, 60_000);
    expect(result.status, `stderr: ${result.stderr}`).toBe(status);
    expectRefusal(result, says);
    for (const pattern of never ?? []) expect(result.stderr).not.toMatch(pattern);
    expectUnchanged(folder);
  }, 90_000);

  it('15 output piped to a reader that stops early (head, here: true) ends quietly', () => {
    const cli = path.join(root, 'dist', 'bin', 'thuiszit.js');
    const result = spawnSync('bash', ['-c', `"${process.execPath}" "${cli}" params | true; echo "status \${PIPESTATUS[0]}" >&2`], { encoding: 'utf8' });
    expect(result.stderr).toBe('status 0\n');
  });
});

// Probes of a hostile or careless user against the output folder and the files thuiszit reads back
// (issue 11, items 1-9), one row each: what is on disk before, the command, the exit code, words the
// message must hold, and what must be left as it was. The next probe is one more row.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { planHashOf } from '../../analysis/execution/work-item.js';
import { readTree, runCli, temporaryDir, type CliResult } from './helpers.js';
import { runCliAsync } from './refusal.js';

const WORK = '.thuiszit-work';
/** A compare of baseline against a scenario file written into scratch with `yaml`. */
function compareWith(out: string, scratch: string, yaml: string): string[] {
  const file = path.join(scratch, 'hostile.yaml');
  writeFileSync(file, `extends: baseline\n${yaml}`);
  return ['compare', '--scenarios', 'baseline', file, '--replications', '1', '--workers', '1', '--quiet', '--out', out];
}

const quickRun = (out: string, ...extra: string[]): string[] =>
  ['run', '--scenario', 'baseline', '--replications', '1', '--seed', '5', '--workers', '1', '--quiet', '--out', out, ...extra];

/** A process id that is certainly not running: a child that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

/** The report input with the first scenario's school years replaced, as a hostile file would hold them. */
function withYears(input: Record<string, unknown>, years: unknown[]): string {
  const [first, ...rest] = input['scenarios'] as Array<Record<string, unknown>>;
  return JSON.stringify({ ...input, scenarios: [{ ...first, years }, ...rest] });
}

/** Rewrites a stored plan as an attacker would: change it, then recompute its (unkeyed) hash. */
function tamperPlan(storeDir: string, change: (plan: Record<string, unknown> & { items: Array<{ id: string; input: Record<string, unknown> }> }) => void): void {
  const file = path.join(storeDir, 'plan.json');
  const plan = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> & { items: Array<{ id: string; input: Record<string, unknown> }> };
  change(plan);
  plan['planHash'] = planHashOf(plan as never);
  writeFileSync(file, JSON.stringify(plan));
}

/** Rewrites the stored result of work item s00-r00000 in a store as an attacker or a bad disk would. */
type StoredOutput = Record<string, unknown>;
const yearsOf = (result: StoredOutput): Array<Record<string, unknown>> => result['years'] as Array<Record<string, unknown>>;
const goalsOf = (options: Record<string, unknown>): Array<Record<string, unknown>> => options['goals'] as Array<Record<string, unknown>>;
const scenariosOf = (options: Record<string, unknown>): Array<Record<string, unknown>> => options['scenarios'] as Array<Record<string, unknown>>;

function tamperResult(storeDir: string, change: (result: StoredOutput) => void): void {
  const dir = path.join(storeDir, 'results');
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    const lines = readFileSync(file, 'utf8').split('\n').map((line) => {
      if (!line.startsWith('{"id":"s00-r00000"')) return line;
      const entry = JSON.parse(line) as { id: string; result: StoredOutput };
      change(entry.result);
      return JSON.stringify(entry);
    });
    writeFileSync(file, lines.join('\n'));
  }
}

interface Probe {
  name: string;
  /** Prepares `out` (a fresh folder holding an earlier run's outputs) and `scratch`; returns the arguments. */
  prepare(out: string, scratch: string): string[];
  status: number;
  /** Each must appear in stderr (or stdout, for a success). */
  words: readonly (string | RegExp)[];
  /** The folder whose files must be byte for byte as before the command (default: out, for refusals). */
  unchanged?: (out: string, scratch: string) => string | null;
  check?: (out: string, scratch: string, result: CliResult) => void;
}

let earlier: string;
let shard: string;
/** Both shards of a two-replication run, in one folder: a merge finds every result. */
let complete: string;

const probes: Probe[] = [
  // 1. the user's own folders in --out
  {
    name: "a user's work/ folder in --out is kept",
    prepare: (out) => {
      mkdirSync(path.join(out, 'work'));
      writeFileSync(path.join(out, 'work', 't.txt'), 'thesis\n');
      return quickRun(out);
    },
    status: 0,
    words: ['outputs in'],
    unchanged: () => null,
    check: (out) => expect(readFileSync(path.join(out, 'work', 't.txt'), 'utf8')).toBe('thesis\n'),
  },
  {
    name: 'work as a symbolic link: the link stays and nothing lands in its target',
    prepare: (out, scratch) => {
      writeFileSync(path.join(scratch, 'mine.txt'), 'mine\n');
      symlinkSync(scratch, path.join(out, 'work'));
      return quickRun(out);
    },
    status: 0,
    words: ['outputs in'],
    unchanged: (_, scratch) => scratch,
    check: (out) => expect(lstatSync(path.join(out, 'work')).isSymbolicLink()).toBe(true),
  },
  {
    name: `${WORK} as a symbolic link is refused, its target untouched`,
    prepare: (out, scratch) => {
      writeFileSync(path.join(scratch, 'mine.txt'), 'mine\n');
      symlinkSync(scratch, path.join(out, WORK));
      return quickRun(out);
    },
    status: 1,
    words: [WORK, 'symbolic link'],
    unchanged: (_, scratch) => scratch,
    check: (out) => expect(readdirSync(out).sort()).toEqual([...readdirSync(earlier), WORK].sort()),
  },
  {
    name: `a ${WORK} folder thuiszit did not make is refused and kept`,
    prepare: (out) => {
      mkdirSync(path.join(out, WORK));
      writeFileSync(path.join(out, WORK, 'plan.json'), 'my own notes\n');
      return quickRun(out);
    },
    status: 1,
    words: [WORK, 'not made by thuiszit'],
  },
  // 2. the output folder lock
  {
    name: 'a folder locked by a live process is refused, naming the process',
    prepare: (out) => {
      writeFileSync(path.join(out, '.thuiszit.lock'), JSON.stringify({ pid: process.pid, host: os.hostname(), command: 'thuiszit compare' }));
      return quickRun(out);
    },
    status: 1,
    words: ['in use', String(process.pid)],
  },
  {
    name: 'the stale lock of a dead process is taken over, with a message',
    prepare: (out) => {
      writeFileSync(path.join(out, '.thuiszit.lock'), JSON.stringify({ pid: deadPid(), host: os.hostname(), command: 'thuiszit run' }));
      return quickRun(out);
    },
    status: 0,
    words: ['stale lock', 'outputs in'],
    unchanged: () => null,
    check: (out) => expect(existsSync(path.join(out, '.thuiszit.lock'))).toBe(false),
  },
  // 3. stale temporaries, incomplete output sets
  {
    name: "a stopped final write's temporary is cleaned up; a user's dot-file is not",
    prepare: (out) => {
      writeFileSync(path.join(out, '.episodes.csv.4242.tmp'), 'replication,pupil_id\n0,1\n');
      writeFileSync(path.join(out, '.notes.tmp'), 'mine\n');
      return quickRun(out);
    },
    status: 0,
    words: ['outputs in'],
    unchanged: () => null,
    check: (out) => {
      expect(existsSync(path.join(out, '.episodes.csv.4242.tmp'))).toBe(false);
      expect(readFileSync(path.join(out, '.notes.tmp'), 'utf8')).toBe('mine\n');
    },
  },
  {
    name: 'a final write stopped part-way leaves no set that claims to be complete',
    prepare: (out) => {
      // weekly.csv taken by a folder: the final write fails after some outputs are renamed in.
      rmSync(path.join(out, 'weekly.csv'));
      mkdirSync(path.join(out, 'weekly.csv'));
      return quickRun(out).map((arg) => (arg === '5' ? '7' : arg));
    },
    status: 1,
    words: ['weekly.csv'],
    unchanged: () => null,
    check: (out) => {
      const report = runCli(['report', out]);
      expect(report.status).toBe(1);
      expect(report.stderr).toMatch(/incomplete/);
    },
  },
  // 5, 8. plans read back from disk
  {
    name: "merge never reads a file a plan names (episodesFile: '../../etc/passwd')",
    prepare: (out, scratch) => {
      cpSync(shard, scratch, { recursive: true });
      tamperPlan(path.join(scratch, WORK), (plan) => {
        for (const item of plan.items) item.input['episodesFile'] = '../../../../../../../../etc/passwd';
      });
      return ['merge', scratch, '--out', out];
    },
    status: 1,
    words: ['plan.json', 'episodesFile'],
    check: (out) => expect(readdirSync(out).some((name) => readFileSync(path.join(out, name), 'utf8').includes('root:'))).toBe(false),
  },
  {
    name: 'merge refuses shards stored by another version, naming both versions',
    prepare: (out, scratch) => {
      cpSync(shard, scratch, { recursive: true });
      tamperPlan(path.join(scratch, WORK), (plan) => {
        plan['tool'] = { ...(plan['tool'] as object), version: '0.0.1-other' };
      });
      return ['merge', scratch, '--out', out];
    },
    status: 1,
    words: ['0.0.1-other', /thuiszit \d+\.\d+\.\d+/],
  },
  {
    name: '--resume refuses results stored by another version, naming both versions',
    prepare: (out) => {
      cpSync(path.join(shard, WORK), path.join(out, WORK), { recursive: true });
      tamperPlan(path.join(out, WORK), (plan) => {
        plan['tool'] = { ...(plan['tool'] as object), version: '0.0.1-other' };
      });
      return ['run', '--scenario', 'baseline', '--replications', '2', '--workers', '1', '--quiet', '--resume', '--out', out];
    },
    status: 1,
    words: ['0.0.1-other', /thuiszit \d+\.\d+\.\d+/],
  },
  // Stored results read back (merge, resume): a replication output with its school years, or a refusal.
  ...([
    ['one school year short', (r) => { yearsOf(r).pop(); }, ["'s00-r00000'", 'entries in years', 'one per measured school year']],
    ['no years at all', (r) => { delete r['years']; }, ["'s00-r00000'", 'not a replication output', 'years', 'expected array']],
    ['years as a number', (r) => { r['years'] = 3; }, ['not a replication output', 'years', 'expected array']],
    ["a year's figure as text", (r) => { yearsOf(r)[0]!['over_13_weeks_legal'] = '12'; }, ['not a replication output', 'years[0].over_13_weeks_legal', 'expected number']],
    ["a year's figure as an object", (r) => { yearsOf(r)[0]!['exemptions'] = { valueOf: 3 }; }, ['years[0].exemptions', 'expected number']],
    ['a metric the model does not have, in a year', (r) => { yearsOf(r)[0]!['evil'] = 1; }, ['years[0] holds other metrics than metrics', 'the same metric names']],
    ['a metric the model does not have, in every year and all years', (r) => { for (const figures of [r['metrics'] as Record<string, unknown>, ...yearsOf(r)]) figures['__proto__x'] = 1; }, ['metrics holds "__proto__x"', 'only metrics of the model']],
    ['a year missing a metric', (r) => { delete yearsOf(r)[0]!['exemptions']; }, ['years[0] holds other metrics than metrics']],
    ['a weekly value as text', (r) => { (r['weekly'] as Record<string, unknown[]>)['thuiszitters_legal']![0] = 'x'; }, ['weekly.thuiszitters_legal[0]', 'expected number']],
    ['a stray field', (r) => { r['episodesFile'] = '/etc/passwd'; }, ['not a replication output', 'episodesFile']],
  ] as const satisfies ReadonlyArray<readonly [string, (r: StoredOutput) => void, readonly string[]]>).map(([label, change, words]): Probe => ({
    name: `merge refuses a stored result with ${label}, naming the item and the field`,
    prepare: (out, scratch) => {
      cpSync(complete, scratch, { recursive: true });
      tamperResult(path.join(scratch, WORK), change);
      return ['merge', scratch, '--out', out];
    },
    status: 1,
    words,
  })),
  ...([
    ['a goal target as text', (plan: Record<string, unknown>) => { goalsOf(plan)[0]!['target'] = { kind: 'absolute', value: '<script>' }; }, ['options', 'goals[0].target.value', 'expected number']],
    ['a goal on a metric the model lacks', (plan: Record<string, unknown>) => { goalsOf(plan)[0]!['metric'] = 'evil'; }, ['goals[0].metric', 'expected a metric of the model']],
    ['a relative goal on a year the run lacks', (plan: Record<string, unknown>) => { goalsOf(plan)[0]!['target'] = { kind: 'relative', change: -0.5, reference: '1999/00' }; }, ['options.goals[0].target.reference is "1999/00"', 'every scenario measures']],
    ['more school-year labels than measured years', (plan: Record<string, unknown>) => { scenariosOf(plan)[0]!['years'] = ['2026/27', '2027/28']; }, ['options.scenarios[0].years has 2 labels', 'one per measured year']],
    ['a school-year label that is markup', (plan: Record<string, unknown>) => { scenariosOf(plan)[0]!['years'] = ['<b>x</b>']; }, ['scenarios[0].years[0]', 'expected a school year']],
  ] as const).map(([label, change, words]): Probe => ({
    name: `merge refuses a plan with ${label}, naming the field`,
    prepare: (out, scratch) => {
      cpSync(complete, scratch, { recursive: true });
      tamperPlan(path.join(scratch, WORK), (plan) => change(plan['options'] as Record<string, unknown>));
      return ['merge', scratch, '--out', out];
    },
    status: 1,
    words: ['plan.json', ...words],
  })),
  {
    name: '--resume refuses a stored result one school year short, and writes no outputs',
    prepare: (out) => {
      cpSync(path.join(shard, WORK), path.join(out, WORK), { recursive: true });
      tamperResult(path.join(out, WORK), (r) => { yearsOf(r).pop(); });
      return ['run', '--scenario', 'baseline', '--replications', '2', '--workers', '1', '--quiet', '--episodes', '--resume', '--out', out];
    },
    status: 1,
    words: ["'s00-r00000'", 'entries in years', 'one per measured school year'],
    unchanged: () => null,
    check: (out) => {
      for (const name of ['summary.json', 'yearly.csv', 'goal.json']) expect(readFileSync(path.join(out, name), 'utf8')).toBe(readFileSync(path.join(earlier, name), 'utf8'));
    },
  },
  // 6. report input read back from disk
  ...([
    ['a script as replications', (input: Record<string, unknown>) => JSON.stringify({ ...input, replications: '<script>alert(1)</script>' }), ['replications', 'number']],
    ['{}', () => '{}', ['title']],
    ['null', () => 'null', ['object']],
    ['a truncated file', (input: Record<string, unknown>) => JSON.stringify(input).slice(0, 200), ['not valid JSON']],
    ['a school year labelled with HTML', (input: Record<string, unknown>) => withYears(input, [{ label: '<img src=x onerror=alert(1)>', metrics: {}, difference: null }]), ['scenarios[0].years[0].label', 'school year such as 2025/26']],
    ['NaN as a yearly mean', (input: Record<string, unknown>) => withYears(input, [{ label: '2025/26', metrics: { over_13_weeks_legal: { mean: 'NaN', sd: 0, ci95_low: 0, ci95_high: 0, n: 1 } }, difference: null }]), ['scenarios[0].years[0].metrics.over_13_weeks_legal.mean', 'number']],
    ['21 school years', (input: Record<string, unknown>) => withYears(input, Array.from({ length: 21 }, (_, k) => ({ label: `${2025 + k}/${String((26 + k) % 100).padStart(2, '0')}`, metrics: {}, difference: null }))), ['scenarios[0].years', '20']],
    ['a goal first met in a year the run lacks', (input: Record<string, unknown>) => {
      const goals = input['goals'] as Array<{ scenarios: Array<Record<string, unknown>> }>;
      goals[0]!.scenarios[0]!['first_year_80'] = '2099/00';
      return JSON.stringify(input);
    }, ['goals[0].scenarios[0].first_year_80', "'2099/00'", 'not a school year baseline measures']],
  ] as const).map(([label, content, words]): Probe => ({
    name: `report refuses report-input.json holding ${label}, naming the file and field`,
    prepare: (out) => {
      const file = path.join(out, 'report-input.json');
      writeFileSync(file, content(JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>));
      return ['report', out];
    },
    status: 1,
    words: ['report-input.json', ...words],
    unchanged: () => null,
    check: (out) => expect(existsSync(path.join(out, 'report.html'))).toBe(false),
  })),
  // 7, 9. text from scenario files in CSV cells and on the terminal
  {
    name: 'a formula as scenario name is neutralised in comparison.csv',
    prepare: (out, scratch) => compareWith(out, scratch, 'name: \'=HYPERLINK("http://evil.example","x")\'\n'),
    status: 0,
    words: ['outputs in'],
    unchanged: () => null,
    check: (out) => {
      const rows = readFileSync(path.join(out, 'comparison.csv'), 'utf8').split('\n');
      expect(rows.some((row) => /^"?=/.test(row))).toBe(false);
      expect(rows.some((row) => row.startsWith(`"'=HYPERLINK(""http://evil.example"",""x"")"`))).toBe(true);
    },
  },
  {
    name: 'escape and direction-override characters in a name reach the terminal escaped',
    prepare: (out, scratch) => compareWith(out, scratch, 'name: "bad\\e[2J\\0name\\u202Eevil"\n'),
    status: 0,
    words: ['bad\\u001b[2J\\u0000name\\u202eevil'],
    unchanged: () => null,
    check: (_, __, result) => expect(result.stdout + result.stderr).not.toMatch(/[\u0000\u001b\u202e]/),
  },
];

beforeAll(() => {
  earlier = temporaryDir('hostile-earlier');
  const made = runCli(quickRun(earlier));
  expect(made.status, made.stderr).toBe(0);
  shard = temporaryDir('hostile-shard');
  const stored = runCli(['run', '--scenario', 'baseline', '--replications', '2', '--workers', '1', '--quiet', '--episodes', '--shard', '0/2', '--out', shard]);
  expect(stored.status, stored.stderr).toBe(0);
  complete = temporaryDir('hostile-complete');
  for (const part of ['0/2', '1/2']) {
    const both = runCli(['run', '--scenario', 'baseline', '--replications', '2', '--workers', '1', '--quiet', '--shard', part, '--out', complete]);
    expect(both.status, both.stderr).toBe(0);
  }
});

describe('hostile probes against the output folder and files read back', () => {
  for (const probe of probes) {
    it.concurrent(probe.name, async () => {
      const out = temporaryDir('hostile-out');
      cpSync(earlier, out, { recursive: true });
      const scratch = temporaryDir('hostile-scratch');
      const args = probe.prepare(out, scratch);
      const watched = (probe.unchanged ?? ((o: string) => o))(out, scratch);
      const before = watched === null ? null : readTree(watched);
      const result = await runCliAsync(args);
      const said = `${result.stderr}${result.stdout}`;
      expect(result.status, said).toBe(probe.status);
      for (const word of probe.words) {
        if (typeof word === 'string') expect(said).toContain(word);
        else expect(said).toMatch(word);
      }
      if (probe.status !== 0) expect(said).not.toMatch(/\n\s+at /);
      if (watched !== null) expect(readTree(watched)).toEqual(before);
      probe.check?.(out, scratch, result);
    });
  }
});

describe('two commands on one --out at once', () => {
  it('one writes its complete result, the other is refused naming the first; never a silent mix', async () => {
    const out = temporaryDir('hostile-twice');
    const reference = temporaryDir('hostile-twice-reference');
    const command = (dir: string): string[] =>
      ['compare', '--scenarios', 'baseline', 'casusregisseur', '--replications', '4', '--seed', '1', '--episodes', '--workers', '1', '--quiet', '--out', dir];
    const alone = runCli(command(reference));
    expect(alone.status, alone.stderr).toBe(0);
    const results = await Promise.all([runCliAsync(command(out)), runCliAsync(command(out))]);
    const succeeded = results.filter((result) => result.status === 0);
    const refused = results.filter((result) => result.status !== 0);
    expect(succeeded.length, results.map((r) => r.stderr).join('\n')).toBe(1);
    expect(refused[0]?.stderr).toMatch(/is in use by process \d+/);
    const rows = (dir: string): string => readFileSync(path.join(dir, 'episodes.csv'), 'utf8');
    expect(rows(out)).toBe(rows(reference));
    expect(existsSync(path.join(out, '.thuiszit.lock'))).toBe(false);
  });
});

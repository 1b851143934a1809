// Bad scenarios through the compiled CLI: files with an unknown key, a wrong type, a value out of
// range, broken YAML or an extends cycle, unknown names and bad --set overrides. `run` refuses
// each before touching its output folder; `validate` and `params` refuse the same input; and the
// good paths of validate, params --json and schema print what they promise.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { temporaryDir } from './helpers.js';
import { copyOf, earlierOutputs, expectRefusal, expectUnchanged, literal, runCliAsync, type EarlierOutputs } from './refusal.js';

const files: Record<string, string> = {
  'unknown-key.yaml': 'extends: baseline\nname: unknown-key\nwarmupYear: 3\n',
  'wrong-type.yaml': 'extends: baseline\nname: wrong-type\nwarmupYears: two\n',
  'out-of-range.yaml': 'extends: baseline\nname: out-of-range\nwarmupYears: -4\n',
  'broken.yaml': 'extends: baseline\nname: [broken\n  care: : 1\n',
  'cycle-a.yaml': 'extends: ./cycle-b.yaml\nname: cycle-a\n',
  'cycle-b.yaml': 'extends: ./cycle-a.yaml\nname: cycle-b\n',
  'good.yaml': 'extends: baseline\nname: good\nwarmupYears: 1\n',
  'bad-start.yaml': 'extends: baseline\nname: bad-start\nstart: 2025-13-01\n',
  'timeline-value.yaml': timeline('2026-08-01', 0, 'care.ggz.capacity: -5'),
  'timeline-path.yaml': timeline('2026-08-01', 0, 'care.gz.capacity: 5'),
  'timeline-late.yaml': timeline('2031-08-01', 0, 'care.ggz.capacity: 5'),
  'timeline-fixed.yaml': timeline('2026-08-01', 1, 'measuredYears: 5'),
  'timeline-ramp-value.yaml': timeline('2026-08-01', 1, 'policy.casusregisseur.forcePlaceSuccessProbability: 2'),
  'goal-form.yaml': 'extends: baseline\nname: goal-form\ngoal:\n  - over_13_weeks_legal<=0\n  - exemptions=<3\n',
  'goal-metric.yaml': 'extends: baseline\nname: goal-metric\ngoal:\n  - thuiszitters<=-75%\n',
  'goal-year.yaml': 'extends: baseline\nname: goal-year\nstart: 2025-08-01\nmeasuredYears: 2\ngoal:\n  - exemptions<=-10%@2027/28\n',
  'goal-list.yaml': 'extends: baseline\nname: goal-list\ngoal: over_13_weeks_legal<=0\n',
};

/** A three-year projection from 2025-08-01 with one dated change. */
function timeline(from: string, rampYears: number, set: string): string {
  return `extends: baseline\nname: timeline\nstart: 2025-08-01\nmeasuredYears: 3\ntimeline:\n  - from: ${from}\n    rampYears: ${rampYears}\n    set:\n      ${set}\n`;
}

let earlier: EarlierOutputs;
let scenarioDir: string;

beforeAll(() => {
  earlier = earlierOutputs('bad-scenarios');
  scenarioDir = temporaryDir('scenario-files');
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(scenarioDir, name), text);
});

const file = (name: string) => path.join(scenarioDir, name);

interface BadScenarioCase {
  name: string;
  /** A scenario file of `files`, or a built-in name. */
  scenario: string;
  sets?: string[];
  says: (scenarioDir: string) => RegExp[];
}

const cases: BadScenarioCase[] = [
  {
    name: 'an unknown key, listing the known ones',
    scenario: 'unknown-key.yaml',
    says: () => [/unknown-key\.yaml: warmupYear: unknown key 'warmupYear' \(value 3\); expected one of the known keys: .*warmupYears/],
  },
  { name: 'a wrong type', scenario: 'wrong-type.yaml', says: () => [/wrong-type\.yaml: warmupYears: expected a number, got "two"/] },
  { name: 'a value out of range', scenario: 'out-of-range.yaml', says: () => [/out-of-range\.yaml: warmupYears: expected a number >= 0, got -4/] },
  { name: 'invalid YAML, at its line', scenario: 'broken.yaml', says: () => [/broken\.yaml:2:\d+: invalid YAML/] },
  { name: 'an extends cycle, with the chain', scenario: 'cycle-a.yaml', says: () => [/cycle-b\.yaml: extends: extends cycle: \S*cycle-a\.yaml -> \S*cycle-b\.yaml -> \S*cycle-a\.yaml/] },
  {
    name: 'an unknown built-in name, listing the built-in names',
    scenario: 'basline',
    says: () => [/scenario: expected a built-in scenario \(.*baseline.*dullaert.*\) or a path to a \.yaml, \.yml or \.json file, got "basline"/],
  },
  { name: 'a missing file', scenario: 'missing.yaml', says: (dir) => [new RegExp(`file not found: "${literal(path.join(dir, 'missing.yaml'))}"`)] },
  {
    name: '--set with an unknown path, listing the fields there',
    scenario: 'baseline',
    sets: ['care.gz.capacity=30'],
    says: () => [/--set care\.gz\.capacity: unknown path 'care\.gz\.capacity'/, /'gz' is not a field under care\); keys under care: .*ggz/],
  },
  { name: 'a start that is no date', scenario: 'bad-start.yaml', says: () => [/bad-start\.yaml: start: expected a date written YYYY-MM-DD, for example 2025-08-01 \(got "2025-13-01"\)/] },
  {
    name: 'a timeline value out of range, naming the entry, the path, the date and the value',
    scenario: 'timeline-value.yaml',
    says: () => [/timeline-value\.yaml: timeline\.0\.set\.care\.ggz\.capacity: care\.ggz\.capacity would be -5 from 2026-08-01 on \(.*>=0\)/],
  },
  {
    name: 'a timeline path that does not exist',
    scenario: 'timeline-path.yaml',
    says: () => [/timeline-path\.yaml: timeline\.0\.set\.care\.gz\.capacity: expected a path that exists in the scenario schema/],
  },
  {
    name: 'a timeline date after the run',
    scenario: 'timeline-late.yaml',
    says: () => [/timeline-late\.yaml: timeline\.0\.from: 2031-08-01 is not inside the run \(expected a date before the end of the last measured year, 3 years after start 2025-08-01\)/],
  },
  {
    name: 'a timeline that changes the frame of the run',
    scenario: 'timeline-fixed.yaml',
    says: () => [/timeline-fixed\.yaml: timeline\.0\.set\.measuredYears: 'measuredYears' is fixed for the whole run/],
  },
  {
    name: 'a ramp whose target is out of range',
    scenario: 'timeline-ramp-value.yaml',
    says: () => [/timeline-ramp-value\.yaml: timeline\.0\.set\.policy\.casusregisseur\.forcePlaceSuccessProbability: .*would be .* from 2026-08-01 on \(.*<=1\)/],
  },
  {
    name: 'a goal written with a wrong comparison, naming the entry, the text and the form',
    scenario: 'goal-form.yaml',
    says: () => [/goal-form\.yaml: goal\.1: goal "exemptions=<3": the comparison '=<' is not allowed; expected <= or >=/],
  },
  {
    name: 'a goal on an unknown metric, listing the known ones',
    scenario: 'goal-metric.yaml',
    says: () => [/goal "thuiszitters<=-75%" \(goal block of scenario 'goal-metric'\): 'thuiszitters' is not a metric; expected one of .*thuiszitters_legal/],
  },
  {
    name: "a goal's reference year outside the run, listing the run's years",
    scenario: 'goal-year.yaml',
    says: () => [/goal "exemptions<=-10%@2027\/28" \(goal block of scenario 'goal-year'\): the reference year 2027\/28 is not a measured year of scenario 'goal-year'; expected one of its years: 2025\/26, 2026\/27/],
  },
  { name: 'a goal block that is not a list', scenario: 'goal-list.yaml', says: () => [/goal-list\.yaml: goal: expected (a list|an array)/] },
  {
    name: '--set with a wrong value type',
    scenario: 'baseline',
    sets: ['care.ggz.capacity=many'],
    says: () => [/--set care\.ggz\.capacity=many: care\.ggz\.capacity: expected a number, got "many"/],
  },
  {
    name: '--set with a value out of range',
    scenario: 'good.yaml',
    sets: ['warmupYears=-1'],
    says: () => [/--set warmupYears=-1: warmupYears: expected a number >= 0, got -1/],
  },
];

function scenarioArg(scenario: string): string {
  return scenario in files || scenario.endsWith('.yaml') ? file(scenario) : scenario;
}

describe('thuiszit run refuses a bad scenario and keeps the earlier outputs', () => {
  it.concurrent.each(cases)('$name', async ({ scenario, sets = [], says }) => {
    const folder = copyOf(earlier, 'bad-scenario-run');
    const args = ['run', '--scenario', scenarioArg(scenario), ...sets.flatMap((s) => ['--set', s]), '--replications', '1', '--workers', '1', '--quiet', '--out', folder.dir];
    expectRefusal(await runCliAsync(args), says(scenarioDir));
    expectUnchanged(folder);
  });

  it.concurrent('compare refuses when any one of its scenarios is bad', async () => {
    const folder = copyOf(earlier, 'bad-scenario-compare');
    const args = ['compare', '--scenarios', 'baseline', file('wrong-type.yaml'), '--replications', '1', '--workers', '1', '--quiet', '--out', folder.dir];
    expectRefusal(await runCliAsync(args), [/wrong-type\.yaml: warmupYears: expected a number, got "two"/]);
    expectUnchanged(folder);
  });
});

describe('thuiszit validate', () => {
  it.concurrent.each(cases.filter((c) => c.scenario.endsWith('.yaml') && c.sets === undefined))('refuses $name', async ({ scenario, says }) => {
    expectRefusal(await runCliAsync(['validate', file(scenario)]), says(scenarioDir));
  });

  it.concurrent('accepts a good file: exit 0 and says valid', async () => {
    const result = await runCliAsync(['validate', file('good.yaml')]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/good\.yaml: valid scenario 'good' \(sha256 [0-9a-f]{64}\)/);
    expect(result.stderr).toBe('');
  });

  it.concurrent('names the missing <file>', async () => {
    expectRefusal(await runCliAsync(['validate']), [/validate: missing <file> \(usage: thuiszit validate <file>\)/]);
  });
});

describe('thuiszit params and schema', () => {
  it.concurrent('params --json parses and every entry has a path, a number and a provenance', async () => {
    const result = await runCliAsync(['params', '--scenario', file('good.yaml'), '--set', 'care.ggz.capacity=33', '--json']);
    expect(result.status, result.stderr).toBe(0);
    const params = JSON.parse(result.stdout) as Array<{ path: unknown; value: unknown; provenance: unknown }>;
    expect(params.length).toBeGreaterThan(50);
    for (const p of params) {
      expect(Object.keys(p).sort()).toEqual(['path', 'provenance', 'value']);
      expect(typeof p.path).toBe('string');
      expect(Number.isFinite(p.value)).toBe(true);
      expect(String(p.provenance)).not.toBe('');
    }
    // The file's and the --set's values are the ones listed.
    expect(params.find((p) => p.path === 'warmupYears')?.value).toBe(1);
    expect(params.find((p) => p.path === 'care.ggz.capacity')?.value).toBe(33);
  });

  it.concurrent('params refuses a bad --set and an unknown scenario', async () => {
    expectRefusal(await runCliAsync(['params', '--set', 'care.ggz.capacity=many']), [/--set care\.ggz\.capacity=many: care\.ggz\.capacity: expected a number, got "many"/]);
    expectRefusal(await runCliAsync(['params', '--scenario', 'basline']), [/scenario: expected a built-in scenario .* got "basline"/]);
  });

  it.concurrent('schema prints a JSON Schema with the scenario fields as properties', async () => {
    const result = await runCliAsync(['schema']);
    expect(result.status, result.stderr).toBe(0);
    const schema = JSON.parse(result.stdout) as { type: string; properties: Record<string, unknown> };
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['name', 'extends', 'warmupYears', 'care', 'policy']));
  });

  it.concurrent('schema refuses an unknown option', async () => {
    expectRefusal(await runCliAsync(['schema', '--pretty']), [/Unknown argument: pretty/]);
  });
});

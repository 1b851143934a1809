// --goal and the per-year outputs on short real runs through the compiled CLI: goals every replication
// meets and none meets, the scenario's own goal block, and per-year differences that add up with yearly.csv.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, temporaryDir, type CliResult } from './helpers.js';

interface GoalFile {
  goals: Array<{
    goal: string;
    source: string;
    scenarios: Array<{ scenario: string; years: Array<{ label: string; share: number; n: number; ci95_low: number; ci95_high: number }>; first_year_80: string | null; first_year_95: string | null }>;
  }>;
}

const readJson = <T>(dir: string, file: string): T => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as T;

describe('thuiszit run --goal', () => {
  let out: string;
  let result: CliResult;
  beforeAll(() => {
    out = temporaryDir('goal-run');
    result = runCli([
      'run', '--scenario', 'baseline', '--set', 'measuredYears=2', '--replications', '3', '--seed', '3', '--workers', '1', '--quiet', '--out', out,
      '--goal', 'over_13_weeks_legal<=100000', '--goal', 'over_13_weeks_legal >= 100000', '--goal', 'new_episodes<=+1000%',
    ]);
  });

  it('writes goal.json: the national goal first, then each --goal, each year with n = replications', () => {
    expect(result.status, result.stderr).toBe(0);
    const goals = readJson<GoalFile>(out, 'goal.json').goals;
    const labels = readJson<{ years: Array<{ label: string }> }>(out, 'summary.json').years.map((y) => y.label);
    expect(labels).toHaveLength(2);
    expect(goals.map((g) => [g.goal, g.source])).toEqual([
      ['over_13_weeks_without_offer<=0', 'default'],
      ['over_13_weeks_legal<=100000', 'option'],
      ['over_13_weeks_legal>=100000', 'option'],
      [`new_episodes<=1000%@${labels[0]}`, 'option'],
    ]);
    for (const goal of goals) expect(goal.scenarios[0]!.years.map((y) => [y.label, y.n])).toEqual(labels.map((label) => [label, 3]));
    const [, always, never, relative] = goals.map((g) => g.scenarios[0]!);
    expect(always!.years.map((y) => y.share)).toEqual([1, 1]);
    expect([always!.first_year_80, always!.first_year_95]).toEqual([labels[0], labels[0]]);
    expect(never!.years.map((y) => y.share)).toEqual([0, 0]);
    expect([never!.first_year_80, never!.first_year_95]).toEqual([null, null]);
    // New episodes do not grow elevenfold in a year of a steady region.
    expect(relative!.years.map((y) => y.share)).toEqual([1, 1]);
  });

  it('the national goal is met in no replication of a baseline region that has many over 13 weeks without an offer each year', () => {
    const national = readJson<GoalFile>(out, 'goal.json').goals[0]!.scenarios[0]!;
    const rows = readFileSync(path.join(out, 'yearly.csv'), 'utf8').trim().split('\n');
    expect(rows[0]).toBe('scenario,year,metric,mean,sd,ci95_low,ci95_high,n');
    for (const year of national.years) {
      const row = rows.find((r) => r.startsWith(`baseline,${year.label},over_13_weeks_without_offer,`))!.split(',');
      expect(Number(row[3])).toBeGreaterThan(10);
      expect(year.share).toBe(0);
      expect(year.ci95_low).toBe(0);
    }
    expect(national.first_year_80).toBeNull();
  });

  it('weekly.csv spans both measured years, 52 weeks each', () => {
    const weeks = readFileSync(path.join(out, 'weekly.csv'), 'utf8').trim().split('\n').slice(1).map((r) => Number(r.split(',')[0]));
    expect(Math.min(...weeks)).toBe(0);
    expect(Math.max(...weeks)).toBe(2 * 52 - 1);
  });

  it('prints the national count per school year under the headline table', () => {
    expect(result.stdout).toMatch(/over_13_weeks_legal per school year:\nscenario\s+\d{4}\/\d{2}\s+\d{4}\/\d{2}\n/);
  });
});

describe('thuiszit compare with a scenario goal block', () => {
  it('checks the goal block on every scenario, and per-year differences are the yearly means differenced', () => {
    const scratch = temporaryDir('goal-scenario');
    const file = path.join(scratch, 'targets.yaml');
    writeFileSync(file, 'extends: casusregisseur\nname: targets\nmeasuredYears: 2\ngoal:\n  - over_13_weeks_legal<=-100%\n  - share_offer_within_13_weeks>=0\n');
    const out = path.join(scratch, 'out');
    const compared = runCli(['compare', '--scenarios', 'baseline', file, '--set', 'measuredYears=2', '--replications', '2', '--seed', '2', '--workers', '1', '--quiet', '--out', out]);
    expect(compared.status, compared.stderr).toBe(0);
    const goals = readJson<GoalFile>(out, 'goal.json').goals;
    expect(goals.map((g) => g.source)).toEqual(['default', 'scenario', 'scenario']);
    expect(goals[2]!.scenarios.map((s) => s.scenario)).toEqual(['baseline', 'targets']);
    // A share is never below 0: met by every replication of both scenarios, every year.
    for (const s of goals[2]!.scenarios) expect(s.years.map((y) => y.share)).toEqual([1, 1]);
    const yearly = readFileSync(path.join(out, 'yearly.csv'), 'utf8').trim().split('\n').slice(1).map((r) => r.split(','));
    const comparison = readFileSync(path.join(out, 'comparison.csv'), 'utf8').trim().split('\n').slice(1).map((r) => r.split(','));
    const labels = [...new Set(yearly.map((r) => r[1]!))];
    expect(labels).toHaveLength(2);
    for (const label of labels) {
      const mean = (scenario: string) => Number(yearly.find((r) => r[0] === scenario && r[1] === label && r[2] === 'thuiszitters_legal')![3]);
      const row = comparison.find((r) => r[0] === 'targets' && r[1] === label && r[2] === 'thuiszitters_legal')!;
      // Every replication pairs, so the paired mean difference is the difference of the means.
      expect(Number(row[8])).toBeCloseTo(mean('targets') - mean('baseline'), 4);
    }
    expect(comparison.some((r) => r[0] === 'targets' && r[1] === '' && r[2] === 'cost_eur_cumulative')).toBe(true);
  });
});

describe('a law that changes in August 2027, per school year', () => {
  it('differs from the projection by exactly 0 in the years before the law, and not from 2027/28 on', () => {
    const out = temporaryDir('law-2027');
    const compared = runCli(['compare', '--scenarios', 'projection', 'law-2027', '--set', 'measuredYears=4', '--replications', '2', '--seed', '5', '--workers', '1', '--quiet', '--out', out]);
    expect(compared.status, compared.stderr).toBe(0);
    const rows = readFileSync(path.join(out, 'comparison.csv'), 'utf8').trim().split('\n').slice(1).map((r) => r.split(','));
    const difference = (year: string, metric: string) => {
      const row = rows.find((r) => r[0] === 'law-2027' && r[1] === year && r[2] === metric)!;
      return { mean: Number(row[8]), sd: Number(row[9]) };
    };
    // Common random numbers: what is counted inside the years before the date is the same, to the digit.
    for (const year of ['2025/26', '2026/27']) {
      for (const metric of ['over_13_weeks_legal', 'new_episodes', 'thuiszitters_legal', 'cost_eur_cumulative']) expect(difference(year, metric), `${year} ${metric}`).toEqual({ mean: 0, sd: 0 });
    }
    expect(difference('2027/28', 'over_13_weeks_legal').mean).toBeLessThan(0);
    expect(difference('2028/29', 'cost_eur_cumulative').mean).not.toBe(0);
  });
});

// thuiszit sensitivity end to end: OAT, Morris and Sobol through the function the CLI calls, the
// report, worker-count independence, and the CLI's rejection of bad --param and --method values.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sensitivityCommand, type SensitivityOptions } from '../../analysis/commands/sensitivity.js';
import { quietExecution, reproducibleOutputs, runCli, temporaryDir } from './helpers.js';

const CAPACITY = 'care.ggz.capacity';
const ONSET = 'onset.unauthorisedPerThousand.VO';
const params = [`${CAPACITY}=34:54`, `${ONSET}=2:4.5`];

function options(out: string, method: string, samples: number, extra: Partial<SensitivityOptions> = {}): SensitivityOptions {
  return {
    scenario: 'baseline', sets: [], params, method, samples, replications: 2, seed: 3,
    metrics: ['care_wait_weeks.ggz', 'over_13_weeks_legal'], out, report: false, execution: quietExecution, command: 'test', ...extra,
  };
}

type Row = Record<string, number | string>;

function rowOf(rows: readonly Row[] | undefined, path: string): Row {
  const row = rows?.find((r) => r['path'] === path);
  if (row === undefined) throw new Error(`no row for ${path}`);
  return row;
}

describe('thuiszit sensitivity', () => {
  it('OAT: one tornado row per parameter, swings with the expected signs, and a report with the chart', async () => {
    const out = temporaryDir('sens-oat');
    const result = await sensitivityCommand(options(out, 'oat', 1, { replications: 4, report: true }));
    expect(result.complete).toBe(true);
    const waits = result.outcome!.indices['care_wait_weeks.ggz']!;
    expect(waits.map((r) => r['path'])).toEqual([CAPACITY, ONSET]);
    // More GGZ slots shorten the GGZ wait: from 34 to 54 slots (baseline 44) the wait falls by far
    // more than the replication noise (sd of the mean wait ~4 weeks over 4 replications).
    const capacity = rowOf(waits, CAPACITY);
    expect((capacity['outputAtLow'] as number) - (capacity['outputAtHigh'] as number)).toBeGreaterThan(10);
    expect(capacity['swing']).toBeCloseTo(Math.abs((capacity['outputAtHigh'] as number) - (capacity['outputAtLow'] as number)), 10);
    // More unauthorised absence means more pupils past 13 weeks; on common random numbers the low
    // and high runs share every other draw, so the rise (about 6 per unit, 2.5 units) stands clear.
    const onset = rowOf(result.outcome!.indices['over_13_weeks_legal'], ONSET);
    expect(onset['outputAtHigh'] as number).toBeGreaterThan((onset['outputAtLow'] as number) + 5);
    expect(onset['low']).toBe(2);
    expect(onset['high']).toBe(4.5);

    const points = readFileSync(path.join(out, 'points.csv'), 'utf8').trim().split('\n');
    expect(points[0]).toBe(`point,${CAPACITY},${ONSET},care_wait_weeks.ggz,over_13_weeks_legal`);
    expect(points).toHaveLength(1 + 5);
    expect(readFileSync(path.join(out, 'sensitivity.csv'), 'utf8').split('\n')[0]).toBe('metric,path,low,high,outputAtLow,outputAtHigh,swing,baseOutput');
    expect(result.reportPath).toBe(path.join(out, 'report.html'));
    const html = readFileSync(result.reportPath!, 'utf8');
    expect(html).toContain('data-chart="sensitivity"');
    expect(html).toContain('one-at-a-time');
    expect(existsSync(path.join(out, '.thuiszit-work'))).toBe(false);
  });

  it('Morris: mu* with its interval per parameter, non-negative; byte-identical for 1 and 2 workers', async () => {
    const one = temporaryDir('sens-morris-1');
    const two = temporaryDir('sens-morris-2');
    const result = await sensitivityCommand(options(one, 'morris', 4));
    await sensitivityCommand(options(two, 'morris', 4, { execution: { ...quietExecution, workers: 2 } }));
    for (const metric of ['care_wait_weeks.ggz', 'over_13_weeks_legal']) {
      const rows = result.outcome!.indices[metric]!;
      expect(rows.map((r) => r['path']).sort()).toEqual([CAPACITY, ONSET]);
      for (const row of rows) {
        for (const column of ['muStar', 'muStar_ci95_low', 'muStar_ci95_high', 'sigma']) expect(typeof row[column]).toBe('number');
        expect(row['muStar'] as number).toBeGreaterThanOrEqual(0);
        expect(row['sigma'] as number).toBeGreaterThanOrEqual(0);
        expect(row['trajectories']).toBe(4);
        // mu* is the mean of |effects|, so it is at least |mu|.
        expect(row['muStar'] as number).toBeGreaterThanOrEqual(Math.abs(row['mu'] as number) - 1e-12);
      }
    }
    // 4 trajectories of k + 1 = 3 points.
    expect(readFileSync(path.join(one, 'points.csv'), 'utf8').trim().split('\n')).toHaveLength(1 + 12);
    const a = reproducibleOutputs(one);
    expect([...a.keys()]).toEqual(['.thuiszit-complete.json', 'points.csv', 'report-input.json', 'sensitivity.csv', 'sensitivity.json']);
    expect(reproducibleOutputs(two)).toEqual(a);
  });

  it('Sobol: S1 and ST with intervals, ST not below S1 beyond the estimates\' noise, capacity dominant for the GGZ wait', async () => {
    const out = temporaryDir('sens-sobol');
    const result = await sensitivityCommand(options(out, 'sobol', 16, { metrics: ['care_wait_weeks.ggz'] }));
    const rows = result.outcome!.indices['care_wait_weeks.ggz']!;
    expect(rows.map((r) => r['path']).sort()).toEqual([CAPACITY, ONSET]);
    for (const row of rows) {
      for (const column of ['S1', 'S1_ci95_low', 'S1_ci95_high', 'ST', 'ST_ci95_low', 'ST_ci95_high']) expect(Number.isFinite(row[column])).toBe(true);
      expect(row['S1_ci95_low'] as number).toBeLessThanOrEqual(row['S1'] as number);
      expect(row['ST_ci95_high'] as number).toBeGreaterThanOrEqual(row['ST'] as number);
      // ST >= S1 holds for the true indices; the estimators are separate, so allow the two
      // bootstrap half-widths (each a ~2 se band at N = 16) as the tolerance.
      const halfWidths = ((row['S1_ci95_high'] as number) - (row['S1_ci95_low'] as number)) / 2 + ((row['ST_ci95_high'] as number) - (row['ST_ci95_low'] as number)) / 2;
      expect(row['ST'] as number).toBeGreaterThanOrEqual((row['S1'] as number) - halfWidths);
    }
    // Over 34-54 slots the wait runs from ~28 to ~3 weeks; the onset rate moves it by well under a week.
    expect(rowOf(rows, CAPACITY)['ST'] as number).toBeGreaterThan(0.5);
    expect(rowOf(rows, CAPACITY)['ST'] as number).toBeGreaterThan(rowOf(rows, ONSET)['ST'] as number);
    // N (k + 2) design points.
    expect(readFileSync(path.join(out, 'points.csv'), 'utf8').trim().split('\n')).toHaveLength(1 + 16 * 4);
  });
});

describe('thuiszit sensitivity with switches and choices', () => {
  it('OAT over a choice and a switch beside a range: rows name the choices, points.csv holds what ran; Morris runs them too', async () => {
    const out = temporaryDir('sens-choices');
    const params = ['policy.budgets.mode=separate,bundled', 'policy.casusregisseur.enabled=false,true', `${CAPACITY}=34:54`];
    const result = await sensitivityCommand(options(out, 'oat', 1, { params, replications: 1, metrics: ['over_13_weeks_legal'] }));
    const rows = result.outcome!.indices['over_13_weeks_legal']!;
    expect(rowOf(rows, 'policy.budgets.mode')).toMatchObject({ low: 'separate', high: 'bundled' });
    expect(rowOf(rows, 'policy.casusregisseur.enabled')).toMatchObject({ low: 'false', high: 'true' });
    const points = readFileSync(path.join(out, 'points.csv'), 'utf8').trim().split('\n');
    expect(points.slice(0, 6).map((line) => line.split(',').slice(0, 4).join(','))).toEqual([
      `point,policy.budgets.mode,policy.casusregisseur.enabled,${CAPACITY}`,
      '0,separate,false,44', '1,separate,false,44', '2,bundled,false,44', '3,separate,false,44', '4,separate,true,44',
    ]);
    const morris = await sensitivityCommand(options(temporaryDir('sens-choices-morris'), 'morris', 2, { params, replications: 1, metrics: ['over_13_weeks_legal'] }));
    expect(morris.outcome!.indices['over_13_weeks_legal']!.map((r) => r['path']).sort()).toEqual([CAPACITY, 'policy.budgets.mode', 'policy.casusregisseur.enabled']);
  });
});

describe('thuiszit sensitivity rejects bad options before running (CLI)', () => {
  const cases = [
    { name: 'a range with low above high', args: ['--param', `${CAPACITY}=5:1`], names: ['--param', `${CAPACITY}=5:1`] },
    { name: 'an unknown parameter path', args: ['--param', 'care.ggz.capacty=30:60'], names: ['--param', 'care.ggz.capacty=30:60'] },
    { name: 'bounds that are not numbers', args: ['--param', `${CAPACITY}=a:b`], names: ['--param', `${CAPACITY}=a:b`] },
    { name: 'an unknown method', args: ['--param', `${CAPACITY}=30:60`, '--method', 'sobel'], names: ['method', 'sobel'] },
    { name: 'a choice the field does not accept', args: ['--param', 'policy.budgets.mode=separate,pooled'], names: ['--param', 'policy.budgets.mode=separate,pooled', 'pooled'] },
    { name: 'choices of a field that does not exist', args: ['--param', 'policy.budget.mode=separate,bundled'], names: ['--param', 'policy.budget.mode=separate,bundled'] },
  ];
  for (const c of cases) {
    it(`rejects ${c.name}, naming the option and the value`, () => {
      const out = path.join(temporaryDir('sens-bad'), 'out');
      const result = runCli(['sensitivity', ...c.args, '--out', out, '--replications', '1', '--samples', '2']);
      expect(result.status).not.toBe(0);
      for (const text of c.names) expect(result.stderr).toContain(text);
      expect(result.stdout).toBe('');
      // Nothing ran: not even the output folder was made.
      expect(existsSync(out)).toBe(false);
    });
  }
});

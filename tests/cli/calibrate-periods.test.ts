// thuiszit calibrate over several periods: data made by the model at a known yearly trend of the onset
// rate, three school years, each row compared with its own year of the run; the fit, started from no
// trend, recovers the trend within its uncertainty.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibrateCommand } from '../../analysis/commands/calibrate.js';
import { loadScenario } from '../../scenarios/load.js';
import { getParam, withParams } from '../../scenarios/params.js';
import { runReplication } from '../../sim/model/replication.js';
import { summarise } from '../../analysis/statistics/summary.js';
import { quietExecution, readTree, temporaryDir } from './helpers.js';

const PARAMETER = 'trend.onsetPerYear.PO';
// Onsets of primary pupils rise 8% a school year; the scenario states no trend (0), where the fit starts.
const TRUTH = 0.08;
const RANGE = '-0.1:0.25';
const PERIODS = ['2022/23', '2023/24', '2024/25'];
// A small region, mostly primary pupils, so a replication is cheap and the parameter carries the count.
const REGION = 'extends: baseline\nname: polder\ndescription: small test region\nregion:\n  pupils: { PO: 10000, SO: 50, VO: 500, VSO: 50 }\n  schools: { PO: 40, SO: 1, VO: 1, VSO: 1 }\n';

describe('thuiszit calibrate over three school years', () => {
  it('compares each period with its own year and recovers the value that made the data', async () => {
    const dir = temporaryDir('calibrate-periods');
    const regionFile = path.join(dir, 'polder.yaml');
    writeFileSync(regionFile, REGION);
    const region = loadScenario(regionFile).scenario;
    expect(getParam(region, PARAMETER)).not.toBe(TRUTH);

    // The data: 24 replications at the truth over the three years, seed 1001 (the fit runs seed 7);
    // the sd column is the standard error of the data's mean.
    const truthScenario = withParams(loadScenario(regionFile, ['start=2022-08-01', `measuredYears=${PERIODS.length}`]).scenario, { [PARAMETER]: TRUTH });
    const outputs = Array.from({ length: 24 }, (_, r) => runReplication(truthScenario, 1001, r));
    const rows = PERIODS.map((period, year) => {
      const { mean, sd, n } = summarise(outputs.map((o) => o.years[year]!['new_episodes'] as number));
      return `new_episodes,${period},${mean},${sd / Math.sqrt(n)}`;
    });
    const dataFile = path.join(dir, 'polder.csv');
    // Rows out of calendar order: the periods, not the order, place them.
    writeFileSync(dataFile, ['measure,period,value,sd', rows[2], rows[0], rows[1]].join('\n') + '\n');

    const out = path.join(dir, 'out');
    const result = await calibrateCommand({
      scenario: regionFile, sets: [], data: dataFile, params: [`${PARAMETER}=${RANGE}`],
      replications: 8, seed: 7, maxEvaluations: 24, out, execution: quietExecution, command: 'test',
    });

    const [fitted] = result.fitted;
    expect(fitted?.path).toBe(PARAMETER);
    // Within 3 se of the truth (se from the objective's curvature, whose scale holds the data's se and
    // the fit's simulation se): a failure is a misfit, not bad luck, as a 95% CI's miss could be (see
    // calibrate.test.ts).
    expect(fitted!.se).toBeGreaterThan(0);
    expect(Math.abs(fitted!.estimate - TRUTH)).toBeLessThanOrEqual(3 * fitted!.se);
    // The se must be the size the noise implies, so the checks above are not empty. New episodes are
    // about 1,200 a year, about 1,170 of them primary (sd ~30 per replication and year): a row's scale
    // is sqrt(30^2/24 + 30^2/8) ~ 12, and year k moves by ~1,170 k per unit of trend, so
    // se ~ 12 / (1,170 sqrt(0^2 + 1^2 + 2^2)) ~ 0.005. Allow twice that.
    expect(fitted!.se).toBeLessThan(0.01);

    // fit.csv: one row per period, in the file's order, each with its own year's simulated mean: the
    // fitted trend shows as a rise from year to year.
    const files = readTree(out);
    const fit = files.get('fit.csv')!.trim().split('\n').slice(1).map((line) => line.split(','));
    expect(fit.map((f) => f[1])).toEqual([PERIODS[2], PERIODS[0], PERIODS[1]]);
    const [last, first, middle] = fit.map((f) => Number(f[3]));
    expect(first).toBeLessThan(middle!);
    expect(middle).toBeLessThan(last!);
    const calibration = JSON.parse(files.get('calibration.json')!) as { periods: unknown };
    expect(calibration.periods).toMatchObject({ compared_with: "each row's own school year", school_years: PERIODS });
    expect(files.get('report.html')).toContain('observed and fitted, per school year');

    // The calibrated scenario states the fitted trend and the start it counts from.
    const calibrated = loadScenario(path.join(out, 'polder-calibrated.yaml'));
    expect(getParam(calibrated.scenario, PARAMETER)).toBe(fitted!.estimate);
    expect(calibrated.scenario.start).toBe('2022-08-01');
  });
});

// calibrate --resume: a calibration killed part-way resumes from the evaluations it stored and ends
// with the outputs an unstopped calibration writes, simulating only what was missing.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, runCli, temporaryDir } from './helpers.js';

const cli = path.join(root, 'dist', 'bin', 'thuiszit.js');

function args(data: string, out: string, ...extra: string[]): string[] {
  return ['calibrate', '--data', data, '--param', 'school.mdtCadenceWeeks=2:6', '--replications', '2', '--max-evaluations', '12', '--workers', '1', '--quiet', ...extra, '--out', out];
}

/** Starts the command and kills it (SIGKILL, as a cluster time limit would) once `stored` evaluations are on disk. */
async function killAfterStored(argv: readonly string[], storeDir: string, stored: number): Promise<number> {
  const child = spawn(process.execPath, [cli, ...argv], { cwd: root, env: { ...process.env, CI: 'true' }, stdio: 'ignore' });
  const count = () => (existsSync(storeDir) ? readdirSync(storeDir).filter((name) => name.endsWith('.json')).length : 0);
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (count() >= stored) {
        clearInterval(timer);
        child.kill('SIGKILL');
        resolve();
      }
    }, 20);
    child.on('exit', () => {
      clearInterval(timer);
      if (count() < stored) reject(new Error(`the calibration ended before ${stored} evaluations were stored`));
      else resolve();
    });
  });
  await new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(undefined) : child.on('exit', resolve)));
  return count();
}

const replicationsRun = (stdout: string): number => Number(/\((\d+) replications\)/.exec(stdout)?.[1]);

describe('thuiszit calibrate --resume', () => {
  it('reuses the stored evaluations of a killed calibration and writes what an unstopped one writes', async () => {
    const dir = temporaryDir('calibrate-resume');
    const data = path.join(dir, 'observed.csv');
    writeFileSync(data, 'measure,period,value\nover_13_weeks_legal,2016,50\n');
    const fresh = runCli(args(data, path.join(dir, 'fresh')));
    expect(fresh.status, fresh.stderr).toBe(0);

    const stopped = path.join(dir, 'stopped');
    const stored = await killAfterStored(args(data, stopped), path.join(stopped, '.thuiszit-work', 'calibration'), 4);
    const resumed = runCli(args(data, stopped, '--resume'));
    expect(resumed.status, resumed.stderr).toBe(0);

    for (const file of ['calibration.json', 'fit.csv', 'history.csv']) {
      expect(readFileSync(path.join(stopped, file), 'utf8'), file).toBe(readFileSync(path.join(dir, 'fresh', file), 'utf8'));
    }
    // Two replications per evaluation: the stored ones were not simulated again (nor were later
    // evaluations of a stored point: the fit table is drawn at the optimum the fit already evaluated).
    expect(stored).toBeGreaterThanOrEqual(4);
    expect(replicationsRun(resumed.stdout)).toBeGreaterThan(0);
    expect(replicationsRun(resumed.stdout)).toBeLessThanOrEqual(replicationsRun(fresh.stdout) - 2 * stored);
    expect(existsSync(path.join(stopped, '.thuiszit-work')), 'the stored evaluations are removed once the outputs are written').toBe(false);
  });

  it('without --resume simulates every evaluation again', () => {
    const dir = temporaryDir('calibrate-no-resume');
    const data = path.join(dir, 'observed.csv');
    writeFileSync(data, 'measure,period,value\nover_13_weeks_legal,2016,50\n');
    const first = runCli(args(data, path.join(dir, 'a')));
    const second = runCli(args(data, path.join(dir, 'a')));
    expect(second.status, second.stderr).toBe(0);
    expect(replicationsRun(second.stdout)).toBe(replicationsRun(first.stdout));
  });
});

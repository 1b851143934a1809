import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runMmc } from '../../analysis/bench/mmc.js';
import { benchModels } from '../../analysis/bench/registry.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('mmc bench model', () => {
  it('counts two events per customer and gives the same figures for the same seed', () => {
    const parameters = { lambda: 9, mu: 1, servers: 10, customers: 20_000, seed: 1 };
    const first = runMmc(parameters);
    const second = runMmc(parameters);
    expect(first.customers).toBe(20_000);
    expect(first.events).toBe(40_000);
    expect([second.mean_wait, second.mean_in_system, second.utilisation]).toEqual([
      first.mean_wait,
      first.mean_in_system,
      first.utilisation,
    ]);
    // Loose sanity bound only (theory is checked in theory.test.ts): rho = 0.9.
    expect(first.utilisation).toBeGreaterThan(0.8);
    expect(first.utilisation).toBeLessThan(1);
  });

  it('rejects bad parameters naming the flag', () => {
    expect(() => runMmc({ lambda: 9, mu: 1, servers: 2.5, customers: 10, seed: 1 })).toThrow(/--servers is 2.5/);
    expect(() => runMmc({ lambda: -1, mu: 1, servers: 2, customers: 10, seed: 1 })).toThrow(/--lambda is -1/);
  });

  it('is registered in the bench table', () => {
    expect(benchModels.map((model) => model.name)).toContain('mmc');
  });

  it('prints one JSON line with the documented fields from the compiled CLI', () => {
    const output = execFileSync(
      process.execPath,
      [path.join(root, 'dist', 'bin', 'bench.js'), 'mmc', '--customers', '2000', '--servers', '3', '--lambda', '2', '--json'],
      { cwd: root, encoding: 'utf8' },
    );
    const lines = output.trim().split('\n');
    expect(lines).toHaveLength(1);
    const report = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual([
      'model',
      'customers',
      'events',
      'wall_s',
      'events_per_s',
      'mean_wait',
      'mean_in_system',
      'utilisation',
      'peak_rss_mb',
    ]);
    expect(report['model']).toBe('mmc');
    expect(report['events']).toBe(4000);
  });
});

// thuiszit decompose end to end on a small real package (two components, few replications): the
// package's own figures come back exactly, the outputs are the same bytes for any number of
// workers and for shards merged, and bad input is refused before anything runs.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decomposeCommand, type DecomposeOptions } from '../../analysis/commands/decompose.js';
import { mergeCommand } from '../../analysis/commands/merge.js';
import { runScenarioCommand } from '../../analysis/commands/scenario-commands.js';
import { quietExecution, reproducibleOutputs, runCli, temporaryDir } from './helpers.js';

const METRICS = ['over_13_weeks_legal', 'care_wait_weeks.ggz', 'cost_eur_total'];

/** A package of two components: the casusregisseur and more youth-GGZ capacity. */
function packageFile(): string {
  const file = path.join(temporaryDir('decompose-package'), 'pair.yaml');
  writeFileSync(file, 'extends: baseline\nname: pair\npolicy:\n  casusregisseur:\n    enabled: true\ncare:\n  ggz:\n    capacity: 60\n');
  return file;
}

const pair = packageFile();

function options(out: string, extra: Partial<DecomposeOptions> = {}): DecomposeOptions {
  return {
    scenario: pair, reference: 'baseline', sets: [], components: [], orders: 64, replications: 3, seed: 4,
    metrics: METRICS, out, report: false, execution: quietExecution, command: 'test', ...extra,
  };
}

describe('thuiszit decompose', () => {
  it('splits the package effect over its components; the total is compare\'s paired difference, to the digit', async () => {
    const out = temporaryDir('decompose');
    const result = await decomposeCommand(options(out, { report: true }));
    expect(result.complete).toBe(true);
    expect(result.components).toEqual(['care.ggz', 'policy.casusregisseur']);
    const compared = temporaryDir('decompose-compare');
    const comparison = await runScenarioCommand('compare', { scenarios: ['baseline', pair], sets: [], goals: [], replications: 3, seed: 4, out: compared, episodes: false, report: false, execution: quietExecution, command: 'test' });
    for (const metric of METRICS) {
      const d = result.outcome!.metrics[metric]!;
      const paired = comparison.compared![1]!.difference![metric]!;
      // The coalition with every component on is the package itself (only its labels differ), on
      // the same replication seeds, so its difference from the reference is compare's exactly.
      expect(d.total.mean).toBeCloseTo(paired.mean, 9);
      expect(d.total.ci95_low).toBeCloseTo(paired.ci95_low, 9);
      expect(d.components.reduce((s, c) => s + c.shapley.mean, 0)).toBeCloseTo(d.total.mean, 9);
      expect(d.components.reduce((s, c) => s + c.interaction.mean, 0)).toBeCloseTo(d.interaction.mean, 9);
    }
    const json = JSON.parse(readFileSync(path.join(out, 'decomposition.json'), 'utf8')) as { method: string; coalitions: number; components: Array<{ name: string; changes: Array<{ path: string; reference: unknown; package: unknown }> }> };
    expect(json.method).toBe('exact');
    expect(json.coalitions).toBe(4);
    expect(json.components[0]).toEqual({ name: 'care.ggz', changes: [{ path: 'care.ggz.capacity', reference: 44, package: 60 }] });
    const csv = readFileSync(path.join(out, 'decomposition.csv'), 'utf8').split('\n');
    expect(csv[0]).toBe('metric,component,measure,mean,ci95_low,ci95_high,n');
    expect(csv).toHaveLength(1 + METRICS.length * (3 + 2 * 4) + 1);
    expect(readFileSync(path.join(out, 'coalitions.csv'), 'utf8').split('\n').slice(0, 3)).toEqual([
      `coalition,components_on,${METRICS.join(',')}`, expect.stringMatching(/^00,,/), expect.stringMatching(/^10,care\.ggz,/),
    ]);
    const html = readFileSync(result.reportPath!, 'utf8');
    expect(html).toContain('data-chart="decomposition"');
    expect(html).toContain('Which components carry the effect');
    expect(existsSync(path.join(out, '.thuiszit-work'))).toBe(false);
  });

  it('writes the same bytes for 1 and 2 workers, and for two shards merged', async () => {
    const one = temporaryDir('decompose-1');
    const two = temporaryDir('decompose-2');
    await decomposeCommand(options(one, { replications: 2 }));
    await decomposeCommand(options(two, { replications: 2, execution: { ...quietExecution, workers: 2 } }));
    const a = reproducibleOutputs(one);
    expect([...a.keys()]).toEqual(['.thuiszit-complete.json', 'coalitions.csv', 'decomposition.csv', 'decomposition.json', 'report-input.json']);
    expect(reproducibleOutputs(two)).toEqual(a);
    const shared = temporaryDir('decompose-shards');
    for (let index = 0; index < 2; index++) {
      const result = await decomposeCommand(options(shared, { replications: 2, execution: { ...quietExecution, shard: { index, count: 2 } } }));
      expect(result.complete).toBe(false);
    }
    const merged = temporaryDir('decompose-merged');
    await mergeCommand({ dirs: [shared], out: merged, report: false, command: 'test merge' });
    expect(reproducibleOutputs(merged)).toEqual(a);
  });

  it('prints the table on the command line and refuses a package that changes nothing', () => {
    const out = temporaryDir('decompose-cli');
    const ok = runCli(['decompose', '--scenario', pair, '--replications', '2', '--metrics', 'over_13_weeks_legal', '--workers', '1', '--out', out]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^over_13_weeks_legal: package effect -?[\d.]+ ±[\d.]+ \(2 replications\)\n/);
    expect(ok.stdout).toMatch(/\npolicy\.casusregisseur +-?[\d.]+ ±/);
    expect(ok.stdout).toContain('package (total)');
    const none = temporaryDir('decompose-none');
    const refused = runCli(['decompose', '--scenario', 'baseline', '--replications', '2', '--out', none]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/--scenario: expected a package that differs from the reference baseline/);
    expect(existsSync(path.join(none, '.thuiszit-work'))).toBe(false);
    const badGroup = runCli(['decompose', '--scenario', pair, '--component', 'x=care.ambulant', '--out', none]);
    expect(badGroup.status).toBe(1);
    expect(badGroup.stderr).toMatch(/--component: expected paths the package changes \(care.ggz.capacity, policy.casusregisseur.enabled\); 'care.ambulant' changes nothing/);
  });
});

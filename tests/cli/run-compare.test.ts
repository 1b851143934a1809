// run and compare end to end through the same functions the CLI calls.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenarioCommand } from '../../analysis/commands/scenario-commands.js';
import { EPISODE_COLUMNS } from '../../analysis/scenario-runs/episodes-csv.js';
import { metricNames } from '../../sim/model/metric-vocabulary.js';
import { quietExecution, reproducibleOutputs, temporaryDir } from './helpers.js';

const base = { sets: [], goals: [], seed: 7, report: false, command: 'test' };

describe('thuiszit run', () => {
  it('writes summary, replications, weekly and manifest, with the issue\'s summary shape', async () => {
    const out = temporaryDir('run');
    const result = await runScenarioCommand('run', { ...base, scenarios: ['baseline'], replications: 3, out, episodes: false, execution: quietExecution });
    expect(result.complete).toBe(true);
    const summary = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(summary)).toEqual(['scenario', 'scenario_sha256', 'seed', 'replications', 'metrics', 'years']);
    expect(summary['scenario']).toBe('baseline');
    const metrics = summary['metrics'] as Record<string, { mean: number; sd: number; ci95_low: number; ci95_high: number; n: number }>;
    for (const name of ['new_episodes', 'thuiszitters_legal', 'thuiszitters_all', 'over_13_weeks_legal', 'share_offer_within_13_weeks', 'cost_eur_total']) {
      expect(metrics[name]?.n).toBe(3);
      expect(metrics[name]!.ci95_low).toBeLessThanOrEqual(metrics[name]!.mean);
    }
    const replications = readFileSync(path.join(out, 'replications.csv'), 'utf8').trim().split('\n');
    expect(replications[0]).toBe('replication,metric,value');
    expect(replications.length - 1).toBe(3 * Object.keys(metrics).length);
    const weekly = readFileSync(path.join(out, 'weekly.csv'), 'utf8').trim().split('\n');
    expect(weekly[0]).toBe('week,metric,mean,ci95_low,ci95_high');
    // One vocabulary: a weekly series is named as the metric it is the weekly form of, or is a care queue.
    const series = new Set(weekly.slice(1).map((line) => line.split(',')[1]));
    expect([...series].sort()).toEqual(['care_queue.ambulant', 'care_queue.ggz', 'care_queue.specialist', 'thuiszitters_all', 'thuiszitters_legal']);
    for (const name of series) if (!name!.startsWith('care_queue.')) expect(metricNames()).toContain(name);
    expect(existsSync(path.join(out, '.thuiszit-work'))).toBe(false);
  });

  it('gives byte-identical outputs for 1 and 2 workers, episodes included', async () => {
    const one = temporaryDir('w1');
    const two = temporaryDir('w2');
    const options = { ...base, scenarios: ['baseline'], replications: 4, episodes: true };
    await runScenarioCommand('run', { ...options, out: one, execution: quietExecution });
    await runScenarioCommand('run', { ...options, out: two, execution: { ...quietExecution, workers: 2 } });
    const a = reproducibleOutputs(one);
    const b = reproducibleOutputs(two);
    expect([...a.keys()]).toEqual(['.thuiszit-complete.json', 'episodes.csv', 'goal.json', 'manifest.json', 'replications.csv', 'report-input.json', 'summary.json', 'weekly.csv', 'yearly.csv']);
    expect(b).toEqual(a);
  });

  it('streams one episode row per episode with every stage column, offer never after attendance', async () => {
    const out = temporaryDir('episodes');
    await runScenarioCommand('run', { ...base, scenarios: ['baseline'], replications: 2, out, episodes: true, execution: quietExecution });
    const lines = readFileSync(path.join(out, 'episodes.csv'), 'utf8').trim().split('\n');
    const header = lines[0]!.split(',');
    expect(header).toEqual([...EPISODE_COLUMNS]);
    expect(lines.length).toBeGreaterThan(100);
    const offer = header.indexOf('offer_week');
    const attendance = header.indexOf('attendance_week');
    const replication = header.indexOf('replication');
    const careType = header.indexOf('care_type');
    const seen = new Set<string>();
    const careTypes = new Set<string>();
    for (const line of lines.slice(1)) {
      const cells = line.split(',');
      seen.add(cells[replication]!);
      if (cells[offer] !== '' && cells[attendance] !== '') expect(Number(cells[offer])).toBeLessThanOrEqual(Number(cells[attendance]));
      careTypes.add(cells[careType]!);
    }
    // No care needed is a missing value, an empty cell like every other one.
    expect([...careTypes].sort()).toEqual(['', 'ambulant', 'ggz', 'specialist']);
    expect([...seen].sort()).toEqual(['0', '1']);
  });
});

describe('thuiszit compare', () => {
  it('pairs every scenario with the first on common random numbers', async () => {
    const out = temporaryDir('compare');
    const result = await runScenarioCommand('compare', {
      ...base, scenarios: ['baseline', 'abolish-exemptions'], replications: 4, out, episodes: false, execution: quietExecution,
    });
    const comparison = JSON.parse(readFileSync(path.join(out, 'comparison.json'), 'utf8')) as {
      reference: string;
      scenarios: Array<{ scenario: string; metrics: Record<string, { mean: number }>; difference_vs_reference: Record<string, { mean: number; n: number }> | null }>;
    };
    expect(comparison.reference).toBe('baseline');
    expect(comparison.scenarios.map((s) => s.scenario)).toEqual(['baseline', 'abolish-exemptions']);
    expect(comparison.scenarios[0]!.difference_vs_reference).toBeNull();
    const [reference, other] = comparison.scenarios;
    // The paired mean difference equals the difference of the means when every replication pairs.
    const difference = other!.difference_vs_reference!['exemptions']!;
    expect(difference.n).toBe(4);
    expect(difference.mean).toBeCloseTo(other!.metrics['exemptions']!.mean - reference!.metrics['exemptions']!.mean, 6);
    expect(other!.metrics['exemptions']!.mean).toBe(0);
    const csv = readFileSync(path.join(out, 'comparison.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('scenario,year,metric,mean,sd,ci95_low,ci95_high,n,diff_vs_reference,diff_sd,diff_ci95_low,diff_ci95_high');
    // The CSV's sd columns are the JSON's sd, cell by cell.
    const sdRow = csv.find((line) => line.startsWith('abolish-exemptions,,thuiszitters_legal,'))!.split(',');
    const json = comparison.scenarios[1] as unknown as { metrics: Record<string, { sd: number }>; difference_vs_reference: Record<string, { sd: number }> };
    expect(Number(sdRow[4])).toBeCloseTo(json.metrics['thuiszitters_legal']!.sd, 6);
    expect(Number(sdRow[9])).toBeCloseTo(json.difference_vs_reference['thuiszitters_legal']!.sd, 6);
    expect(result.compared?.length).toBe(2);
  });
});

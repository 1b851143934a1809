// The report of a real projection through the compiled CLI: a scenario that switches the casusregisseur
// on in August 2027 against the baseline, 2025/26 to 2027/28. The report carries compare's per-year
// figures, the scenarios' calendars and goal.json's goals, and a one-year run keeps today's report.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseReportInput, type ReportInput } from '../../analysis/report/report-input.js';
import { runCli, temporaryDir, type CliResult } from '../cli/helpers.js';

const LAW = `extends: baseline
name: law-2027
description: The casusregisseur from August 2027, GGZ capacity ramped up over two years.
timeline:
  - from: 2027-08-01
    set:
      policy.casusregisseur.enabled: true
  - from: 2027-08-01
    rampYears: 2
    set:
      care.ggz.capacity: 60
`;

describe('report of a projection, from thuiszit compare', () => {
  let out: string;
  let result: CliResult;
  let input: ReportInput;
  let html: string;
  beforeAll(() => {
    const dir = temporaryDir('report-projection');
    writeFileSync(path.join(dir, 'law.yaml'), LAW);
    out = path.join(dir, 'out');
    result = runCli([
      'compare', '--scenarios', 'baseline', path.join(dir, 'law.yaml'), '--set', 'start=2025-08-01', '--set', 'measuredYears=3',
      '--replications', '3', '--seed', '2', '--workers', '1', '--quiet', '--report', '--out', out, '--goal', 'over_13_weeks_legal<=-20%@2025/26',
    ]);
    input = parseReportInput(readFileSync(path.join(out, 'report-input.json'), 'utf8'), 'report-input.json');
    html = readFileSync(path.join(out, 'report.html'), 'utf8');
  });

  it('gathers the years, the calendars and the goals of goal.json into the report input', () => {
    expect(result.status, result.stderr).toBe(0);
    for (const s of input.scenarios) expect(s.years?.map((y) => y.label)).toEqual(['2025/26', '2026/27', '2027/28']);
    expect(input.scenarios[0]?.calendar).toEqual({ start: '2025-08-01', changes: [] });
    expect(input.scenarios[1]?.calendar).toEqual({
      start: '2025-08-01',
      changes: [
        { from: '2027-08-01', rampYears: 0, paths: ['policy.casusregisseur.enabled'] },
        { from: '2027-08-01', rampYears: 2, paths: ['care.ggz.capacity'] },
      ],
    });
    const goalFile = JSON.parse(readFileSync(path.join(out, 'goal.json'), 'utf8')) as { goals: unknown };
    expect(input.goals).toEqual(goalFile.goals);
    expect(input.goals?.map((g) => g.source)).toEqual(['default', 'option']);
  });

  it('draws the trajectory with the change at 2027/28, and shows a difference of exactly zero before it', () => {
    const spec = JSON.parse(readFileSync(path.join(out, 'trajectories.vl.json'), 'utf8')) as { concat: Array<{ layer: Array<{ data?: { values: Array<Record<string, unknown>> } }> }> };
    const rules = spec.concat[0]!.layer.flatMap((l) => l.data?.values ?? []).filter((v) => 'kind' in v);
    expect(rules.map((r) => [r['scenario'], r['position'], r['kind']])).toEqual([['law-2027', 2, 'change starts']]);
    expect(html).toContain('id="fig-trajectories"');
    const table = html.slice(html.indexOf('<h3>law-2027 minus baseline, per school year</h3>'));
    const row = /<th scope="row">At home &gt; 13 weeks \(legal definition\)[^]*?<\/tr>/.exec(table)?.[0] ?? '';
    const cells = row.split('<td').slice(1);
    expect(cells).toHaveLength(3);
    // Common random numbers: the same children under the same rules until the law changes.
    for (const cell of cells.slice(0, 2)) expect(cell).toContain('<span class="nw">0</span> <span class="nw">(0 to 0)</span>');
    expect(html).toContain('<h3>At home &gt; 13 weeks (legal definition) \u2264 \u221220% against 2025/26</h3>');
  });
});

describe('report of a one-year run', () => {
  it('has no projection section, and says why', () => {
    const out = temporaryDir('report-one-year');
    const result = runCli(['run', '--scenario', 'baseline', '--set', 'start=2025-08-01', '--replications', '2', '--seed', '2', '--workers', '1', '--quiet', '--report', '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    const html = readFileSync(path.join(out, 'report.html'), 'utf8');
    expect(html).not.toContain('id="projection"');
    expect(html).not.toContain('fig-trajectories');
    expect(html).toContain('These figures are for one measured school year, 2025/26, so there is no trajectory to draw.');
  });
});

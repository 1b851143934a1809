// The report of a projection over several school years, from the hand-built fixture: the trajectory
// chart (a panel per headline figure, rules at the dated changes, a line at each absolute goal), the
// goal table, the per-year differences, and a one-year run that keeps today's report.
import { describe, expect, it } from 'vitest';
import { compile, type TopLevelSpec } from 'vega-lite';
import { parse } from 'vega';
import { buildReport } from '../../analysis/report/html.js';
import { renderSvg } from '../../analysis/charts/render.js';
import { changeRules, trajectoryChart } from '../../analysis/charts/trajectories.js';
import { estimateParts } from '../../analysis/report/format.js';
import { HEADLINE_METRICS } from '../../analysis/report/metric-labels.js';
import { goalText } from '../../analysis/report/goal-table.js';
import type { ScenarioReport } from '../../analysis/report/report-input.js';
import { fixtureInput } from './fixture.js';

const projected = fixtureInput({ years: 8 });
const built = buildReport(projected);

/** The part of the page from an element's opening tag to the end of its section. */
function sectionOf(html: string, id: string): string {
  const start = html.indexOf(`<section id="${id}">`);
  expect(start, `section ${id}`).toBeGreaterThan(0);
  return html.slice(start, html.indexOf('</section>', start));
}

interface Panel {
  title: { text: string };
  layer: Array<{ mark: { type: string }; data?: { values: Array<Record<string, unknown>> }; encoding: Record<string, unknown> }>;
}

describe('trajectory chart', () => {
  it('comes after the result charts, compiles to vega that parses, and draws a line per scenario in every headline panel', async () => {
    const { specs } = await built;
    expect(Object.keys(specs)).toEqual(['weeks-to-offer', 'counts-over-time', 'differences', 'weeks-in-stage', 'care-waits', 'escalations', 'costs', 'trajectories']);
    const spec = specs['trajectories'] as TopLevelSpec;
    expect(() => parse(compile(spec).spec)).not.toThrow();
    const panels = (spec as { concat: Panel[] }).concat;
    expect(panels.length).toBe(HEADLINE_METRICS.length);
    const svg = await renderSvg(spec);
    // 11 panels x 4 scenarios: one line path each.
    const lines = svg.match(/<g class="mark-line role-mark[^>]*>[\s\S]*?<\/g>/g) ?? [];
    expect(lines.join('').match(/<path/g)?.length).toBe(HEADLINE_METRICS.length * 4);
  });

  it('places a dated change at its years since the start, and a ramp\u2019s end rampYears later', () => {
    const labels = projected.scenarios[0]!.years!.map((y) => y.label);
    const rules = changeRules(projected.scenarios, labels);
    // 2027-08-01 is two whole school years after 2025-08-01; the ramp of two years ends at year 4.
    expect(rules.filter((r) => r.scenario === 'casusregisseur').map((r) => [r.position, r.kind])).toEqual([[2, 'change starts'], [4, 'ramp ends']]);
    // Both changes start on the same date: one rule for the date, not one per change.
    expect(rules.length).toBe(3 * 2);
    const midYear: ScenarioReport = { ...projected.scenarios[1]!, calendar: { start: '2025-08-01', changes: [{ from: '2026-01-30', rampYears: 0, paths: ['x'] }, { from: '2040-08-01', rampYears: 0, paths: ['y'] }] } };
    const [only, ...rest] = changeRules([midYear], labels);
    // 182 of 365 days after the anniversary; a date after the projection draws no rule.
    expect(only?.position).toBeCloseTo(182 / 365, 10);
    expect(rest).toEqual([]);
  });

  it('draws an absolute goal as a horizontal line in its own panel, and none for a relative goal', async () => {
    const { specs } = await built;
    const panels = (specs['trajectories'] as { concat: Panel[] }).concat;
    const goalsIn = (title: string) =>
      panels
        .find((p) => p.title.text === title)
        ?.layer.filter((l) => l.mark.type === 'rule' && l.data?.values.some((v) => 'goal' in v))
        .flatMap((l) => l.data?.values.map((v) => v['goal']) ?? []);
    expect(goalsIn('At home > 13 weeks (legal definition)')).toEqual([0]);
    // A share's goal in percent, as its axis.
    expect(goalsIn('Share with a fitting offer within 13 weeks')).toEqual([90]);
    expect(goalsIn('Median time to a fitting offer')).toEqual([]);
  });

  it('puts each scenario\u2019s mean and CI per year in the figure\u2019s data table, one table per figure', async () => {
    const { html } = await built;
    const start = html.indexOf('<details><summary>Figure 8 in numbers</summary>');
    const data = html.slice(start, html.indexOf('</details>', start));
    const tables = data.split('<table>').slice(1);
    expect(tables.length).toBe(HEADLINE_METRICS.length);
    const table = tables.find((t) => t.includes('<caption>Data of Figure 8, At home &gt; 13 weeks (legal definition)'));
    expect(table).toContain(`<th scope="col">School year</th>${projected.scenarios.map((s) => `<th scope="col">${s.name}</th>`).join('')}`);
    expect(table?.match(/<tr><th scope="row">/g)?.length).toBe(8);
    const year = projected.scenarios[3]!.years![5]!;
    const text = estimateParts(year.metrics['over_13_weeks_legal']!, 'pupils');
    expect(table).toMatch(new RegExp(`<th scope="row">2030/31</th>(<td>[^<]*</td>){3}<td>${`${text.value} ${text.interval}`.replace(/[()]/g, '\\$&')}</td>`));
  });

  it('refuses a year label that is not a school year rather than write it into the axis expression', () => {
    const scenario: ScenarioReport = { ...projected.scenarios[0]!, years: [{ label: '"]+alert(1)+["', metrics: {}, difference: null }] };
    expect(() => trajectoryChart([scenario], [], ['over_13_weeks_legal'])).toThrow(/is not a school year/);
  });
});

describe('scenarios measuring different school years', () => {
  it('share one time axis: each scenario\u2019s points and dated changes sit at their own school years', async () => {
    const input = fixtureInput({ scenarios: 2, years: 3 });
    const later = input.scenarios[1]!;
    // The second scenario starts a year later and measures 2026/27 and 2027/28; its change on 2027-08-01 is one year in.
    later.years = later.years!.slice(1);
    later.calendar = { start: '2026-08-01', changes: [{ from: '2027-08-01', rampYears: 0, paths: ['policy.casusregisseur.enabled'] }] };
    input.goals = input.goals!.map((g) => ({ ...g, scenarios: g.scenarios.map((s, i) => (i === 1 ? { ...s, years: s.years.slice(1), first_year_80: null, first_year_95: null } : s)) }));
    const labels = ['2025/26', '2026/27', '2027/28'];
    expect(changeRules(input.scenarios, labels).map((r) => [r.scenario, r.position])).toEqual([['casusregisseur', 2]]);
    const { html, specs } = await buildReport(input);
    const rows = (specs['trajectories'] as { data: { values: Array<{ scenario: string; year: string; position: number; metric: string }> } }).data.values.filter((r) => r.metric === 'At home > 13 weeks (legal definition)');
    expect(rows.map((r) => [r.year, r.scenario, r.position])).toEqual([['2025/26', 'baseline', 0.5], ['2026/27', 'baseline', 1.5], ['2026/27', 'casusregisseur', 1.5], ['2027/28', 'baseline', 2.5], ['2027/28', 'casusregisseur', 2.5]]);
    // The goal table has a column per school year of the axis; a year a scenario does not measure is a dash.
    const goal = sectionOf(html, 'projection');
    expect(goal).toMatch(/<th scope="row">casusregisseur<\/th><td class="missing">not within the projection<\/td><td class="missing">not within the projection<\/td><td class="num missing">&ndash;<\/td><td class="num">/);
  });
});

describe('goal table', () => {
  it('gives per goal and scenario the first year met in 80% and 95% of replications, or says it is not met', async () => {
    const section = sectionOf((await built).html, 'projection');
    expect(section).toContain(`<h3>${'At home &gt; 13 weeks (legal definition) \u2264 0 pupils'}</h3>`);
    expect(section).toContain('<code>over_13_weeks_legal&lt;=0</code>, the national goal, checked by default');
    const relative = section.slice(section.indexOf('\u2264 \u221230% against 2025/26'));
    expect(relative).toMatch(/<th scope="row">dullaert-full<\/th><td><strong>2028\/29<\/strong><\/td><td><strong>2029\/30<\/strong><\/td>/);
    expect(relative).toMatch(/<th scope="row">baseline<\/th><td class="missing">not within the projection<\/td><td class="missing">not within the projection<\/td>/);
    // The share per year with its Wilson interval: 80% (70-85%) in 2027/28 for dullaert-full.
    expect(relative).toContain('<span class="nw">80%</span> <span class="nw diff">(70\u201385%)</span>');
  });

  it('writes goals in words with the metric\u2019s unit', () => {
    expect(goalText({ metric: 'share_offer_within_13_weeks', operator: '>=', target: { kind: 'absolute', value: 0.9 } })).toBe('Share with a fitting offer within 13 weeks \u2265 90%');
    expect(goalText({ metric: 'over_13_weeks_legal', operator: '<=', target: { kind: 'relative', change: -0.75, reference: '2025/26' } })).toBe('At home > 13 weeks (legal definition) \u2264 \u221275% against 2025/26');
  });
});

describe('per-year differences', () => {
  it('shows each policy scenario against the reference per school year: zero before the policy date, a difference after', async () => {
    const section = sectionOf((await built).html, 'projection');
    expect(section.match(/minus baseline, per school year<\/h3>/g)?.length).toBe(3);
    const table = section.slice(section.indexOf('<h3>dullaert-full minus baseline'));
    const row = /<th scope="row">At home &gt; 13 weeks \(legal definition\)[^]*?<\/tr>/.exec(table)?.[0] ?? '';
    const cells = row.split('<td').slice(1);
    expect(cells.length).toBe(8);
    // Before 2027/28 the scenarios are the same children under the same rules: exactly zero, not marked.
    for (const c of cells.slice(0, 2)) expect(c).toContain('<span class="diff" title="95% CI of the difference includes 0"><span class="nw">0</span>');
    for (const c of cells.slice(2)) expect(c).toContain('<span class="diff sig"');
  });
});

describe('a one-year run', () => {
  it('keeps today\u2019s report, with one sentence saying why there is no trajectory', async () => {
    const today = await buildReport(fixtureInput());
    const oneYear = await buildReport(fixtureInput({ years: 1 }));
    expect(Object.keys(oneYear.specs)).toEqual(Object.keys(today.specs));
    expect(oneYear.html).not.toContain('id="projection"');
    const sentence = /<p class="note">These figures are for one measured school year, 2025\/26, so there is no trajectory to draw\.[^]*?<\/p>\n/.exec(oneYear.html)?.[0];
    expect(sentence).toBeDefined();
    expect(oneYear.html.replace(sentence!, '')).toBe(today.html);
  });

  it('gives byte-identical HTML for the same projection', async () => {
    expect((await buildReport(fixtureInput({ years: 8 }))).html).toBe((await built).html);
  });
});

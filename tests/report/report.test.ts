// The report from a hand-built fixture: every chart compiles and draws marks, the page holds no
// address outside itself, the headline numbers are where a reader looks for them, text is
// escaped, and the same input gives the same bytes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, type TopLevelSpec } from 'vega-lite';
import { parse } from 'vega';
import { buildReport } from '../../analysis/report/html.js';
import { writeReport } from '../../analysis/report/write.js';
import { renderSvg } from '../../analysis/charts/render.js';
import { sensitivityChart } from '../../analysis/charts/sensitivity.js';
import { parseObserved } from '../../analysis/charts/calibration.js';
import { escapeHtml } from '../../analysis/report/escape-html.js';
import { decimalsFor, differenceParts, estimateParts, formatNumber, formatPlain } from '../../analysis/report/format.js';
import { morrisRows, oatRows, sobolRows } from '../../analysis/report/sensitivity-rows.js';
import { fixtureInput, summary } from './fixture.js';

/** Data marks (not axes, legends or titles) in a rendered SVG: children of groups with role 'mark'. */
function dataMarkCount(svg: string): number {
  const groups = svg.match(/<g class="mark-[a-z]+ role-mark[^"]*"[^>]*>([\s\S]*?)<\/g>/g) ?? [];
  return groups.reduce((n, g) => n + (g.match(/<(path|rect|line|text|circle)\b/g)?.length ?? 0), 0);
}

const full = fixtureInput({ sensitivity: true, calibration: true });
const built = buildReport(full);

describe('charts', () => {
  it('builds the nine charts for a full input, each compiling to a vega spec that parses', async () => {
    const { specs } = await built;
    expect(Object.keys(specs)).toEqual(['weeks-to-offer', 'counts-over-time', 'differences', 'weeks-in-stage', 'care-waits', 'escalations', 'costs', 'sensitivity', 'calibration']);
    for (const spec of Object.values(specs)) {
      const vega = compile(spec).spec;
      expect(() => parse(vega)).not.toThrow();
    }
  });

  it('renders every chart to an SVG with data marks', async () => {
    const { specs } = await built;
    for (const [name, spec] of Object.entries(specs)) {
      const svg = await renderSvg(spec);
      expect(svg.startsWith('<svg'), name).toBe(true);
      expect(svg, name).toMatch(/class="mark-/);
      expect(dataMarkCount(svg), name).toBeGreaterThan(0);
    }
  });

  it('draws one line per scenario and measure in the weeks-to-offer chart, and one goal line per panel', async () => {
    const { specs } = await built;
    const svg = await renderSvg(specs['weeks-to-offer'] as TopLevelSpec);
    // 4 scenarios x 2 measures = 8 step lines; goal rule and its label once per panel (2 each).
    expect(svg.match(/<g class="mark-line role-mark[^>]*>[\s\S]*?<\/g>/g)?.join('').match(/<path/g)?.length).toBe(8);
    expect(svg.match(/>13-week goal</g)?.length).toBe(2);
  });

  it('renders the same spec to the same SVG', async () => {
    const { specs } = await built;
    const spec = specs['differences'] as TopLevelSpec;
    expect(await renderSvg(spec)).toBe(await renderSvg(spec));
  });

  it('draws Morris and Sobol results with their confidence intervals', async () => {
    const morris = sensitivityChart({
      method: 'morris',
      metric: 'over_13_weeks_legal',
      rows: morrisRows([
        { path: 'care.ggz.capacity', mu: -4, muStar: 5, sigma: 2, effects: [-6, -4, -5, 3] },
        { path: 'school.mdt.cadenceWeeks', mu: 2, muStar: 2, sigma: 0.5, effects: [1.5, 2.5, 2, 2] },
      ]),
    });
    const sobol = sensitivityChart({
      method: 'sobol',
      metric: 'over_13_weeks_legal',
      rows: sobolRows({
        mean: 41,
        variance: 30,
        indices: [
          { path: 'care.ggz.capacity', first: { estimate: 0.6, se: 0.05, ci95_low: 0.5, ci95_high: 0.7 }, total: { estimate: 0.7, se: 0.05, ci95_low: 0.6, ci95_high: 0.8 } },
          { path: 'school.mdt.cadenceWeeks', first: { estimate: 0.2, se: 0.04, ci95_low: 0.12, ci95_high: 0.28 }, total: { estimate: 0.3, se: 0.04, ci95_low: 0.22, ci95_high: 0.38 } },
        ],
      }),
    });
    for (const spec of [morris, sobol]) {
      const svg = await renderSvg(spec);
      // Bars (rect marks as paths) and CI rules (line elements) for both parameters.
      expect(svg).toMatch(/<g class="mark-rect role-mark/);
      expect(svg.match(/<g class="mark-rule role-mark[^>]*>[\s\S]*?<\/g>/)?.[0].match(/<line/g)?.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('turns OAT results into rows the tornado reads, base output included', async () => {
    const rows = oatRows({ baseOutput: 41, effects: [{ path: 'care.ggz.capacity', low: 36, high: 60, outputAtLow: 52, outputAtHigh: 33, swing: 19 }] });
    expect(rows).toEqual([{ path: 'care.ggz.capacity', low: 36, high: 60, outputAtLow: 52, outputAtHigh: 33, swing: 19, baseOutput: 41 }]);
    const svg = await renderSvg(sensitivityChart({ method: 'oat', metric: 'over_13_weeks_legal', rows }));
    expect(dataMarkCount(svg)).toBeGreaterThan(0);
  });

  it('names the row and column when a sensitivity row lacks a column its method needs', () => {
    expect(() => sensitivityChart({ method: 'sobol', metric: 'm', rows: [{ path: 'a', S1: 0.5 }] })).toThrow(/sensitivity\.rows\[0\]\.S1_ci95_low is undefined; expected a finite number for method 'sobol'/);
  });

  it('reads observed calibration figures given as a number or a range, and nothing else', () => {
    expect(parseObserved('2,269')).toEqual({ low: 2269, high: 2269 });
    expect(parseObserved('120-140')).toEqual({ low: 120, high: 140 });
    expect(parseObserved('120\u2013140')).toEqual({ low: 120, high: 140 });
    expect(parseObserved('<5')).toBeNull();
    expect(parseObserved('140-120')).toBeNull();
  });
});

describe('number formatting', () => {
  it('shows an estimate to the precision its interval supports', () => {
    // Half-width 3.1 -> whole numbers; 0.14 -> two decimals; money to the ten thousand.
    expect(estimateParts(summary(41, 9.7), 'pupils')).toEqual({ value: '41', interval: '(38\u201344)' });
    expect(decimalsFor({ mean: 9, sd: 0.4, ci95_low: 8.86, ci95_high: 9.14, n: 40 }, 'weeks')).toBe(2);
    expect(estimateParts({ mean: 5_850_000, sd: 1, ci95_low: 5_773_244, ci95_high: 5_926_756, n: 40 }, 'EUR')).toEqual({ value: '5,850,000', interval: '(5,770,000\u20135,930,000)' });
    expect(estimateParts({ mean: 0.62, sd: 0.05, ci95_low: 0.604, ci95_high: 0.636, n: 40 }, 'share')).toEqual({ value: '62.0%', interval: '(60.4\u201363.6%)' });
  });

  it('signs differences, keeps zero unsigned and writes shares in percentage points', () => {
    expect(differenceParts({ mean: -13.43, sd: 1, ci95_low: -14.3, ci95_high: -12.57, n: 40 }, 'pupils')).toEqual({ value: '\u221213.4', interval: '(\u221214.3 to \u221212.6)' });
    expect(differenceParts({ mean: 0, sd: 10, ci95_low: -3.2, ci95_high: 3.2, n: 40 }, 'episodes')).toEqual({ value: '0', interval: '(\u22123 to +3)' });
    expect(differenceParts({ mean: 0.136, sd: 0.01, ci95_low: 0.129, ci95_high: 0.143, n: 40 }, 'share')).toEqual({ value: '+13.6 pp', interval: '(+12.9 to +14.3 pp)' });
  });

  it('groups thousands without the machine locale', () => {
    expect(formatNumber(-1234567.891, 2)).toBe('\u22121,234,567.89');
    expect(formatNumber(-0.001, 1)).toBe('0.0');
    expect(formatPlain(0.012345)).toBe('0.01235');
    expect(formatPlain(48)).toBe('48');
  });
});

describe('report HTML', () => {
  it('loads nothing from outside the file: no scripts, no remote src or href, no URL at all', async () => {
    const { html } = await built;
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(\s*["']?https?:/i);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toContain('<meta charset="utf-8">');
  });

  it('puts the headline numbers, with CIs and paired differences, in the headline table', async () => {
    const { html } = await built;
    const table = html.slice(html.indexOf('<table class="headline">'), html.indexOf('</table>'));
    // Baseline over-13-weeks: 41 with sd 6 over 40 replications -> 41.0 (39.1-42.9).
    expect(table).toContain('<span class="nw">41.0</span> <span class="nw">(39.1\u201342.9)</span>');
    // casusregisseur minus baseline: 41 x (0.82^2 - 1) = -13.43; a paired CI that excludes 0 is marked.
    expect(table).toMatch(/<span class="diff sig"[^>]*><span class="nw">\u221213\.4<\/span>/);
    // New episodes do not differ between scenarios: the difference is shown but not marked.
    expect(table).toMatch(/<span class="diff" title="95% CI of the difference includes 0"><span class="nw">0<\/span>/);
    expect(table).toContain('62.0%');
    // The goal column: its measure is the share with an offer in time; the over-13-weeks counts run
    // up to attendance, so the goal sets them no target.
    expect(table).toMatch(/Share with a fitting offer within 13 weeks <span class="unit">[^<]*<\/span><\/th><td class="goal">100%<\/td>/);
    expect(table).toMatch(/At home &gt; 13 weeks \(legal definition\) <span class="unit">[^<]*<\/span><\/th><td class="goal"><\/td>/);
    expect(table).not.toContain('0 pupils');
    for (const s of full.scenarios) expect(table).toContain(`>${s.name}`);
  });

  it('escapes scenario text, including the YAML shown in <pre>', async () => {
    const input = fixtureInput();
    const last = input.scenarios[3];
    if (last === undefined) throw new Error('fixture has four scenarios');
    last.stated = 'name: "<script>alert(1)</script>"\n';
    const { html } = await buildReport(input);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;Quotes &amp; &quot;ampersands&quot;&gt;');
    expect(escapeHtml(`a<b>&"'`)).toBe('a&lt;b&gt;&amp;&quot;&#39;');
  });

  it('has the sections a reader needs, with charts inline and the reproducibility facts', async () => {
    const { html } = await built;
    for (const id of ['headline', 'scenarios', 'results', 'sensitivity', 'calibration', 'parameters', 'reproduce']) {
      expect(html).toContain(`id="${id}"`);
    }
    expect(html.match(/<figure class="chart"[^>]*>\s*<svg/g)?.length).toBe(9);
    expect(html).toContain('<details><summary>Show all 4 parameters</summary>');
    expect(html).toContain('seed 004 6.7');
    expect(html).toContain('20160601');
    for (const s of full.scenarios) expect(html).toContain(s.sha256);
  });

  it('leaves out sensitivity, calibration and the difference chart when there is nothing to show', async () => {
    const { html, specs } = await buildReport(fixtureInput({ scenarios: 1 }));
    expect(Object.keys(specs)).not.toContain('differences');
    expect(Object.keys(specs)).not.toContain('sensitivity');
    expect(html).not.toContain('id="sensitivity"');
    expect(html).not.toContain('id="calibration"');
    expect(html).not.toContain('class="diff');
  });

  it('rejects repeated scenario names, which would share a colour', async () => {
    const input = fixtureInput({ scenarios: 2 });
    const second = input.scenarios[1];
    if (second === undefined) throw new Error('fixture has two scenarios');
    second.name = 'baseline';
    await expect(buildReport(input)).rejects.toThrow("scenarios[1].name 'baseline' repeats");
  });

  it('gives byte-identical HTML for the same input', async () => {
    const first = await buildReport(fixtureInput({ sensitivity: true, calibration: true }));
    const second = await buildReport(fixtureInput({ sensitivity: true, calibration: true }));
    expect(second.html).toBe(first.html);
    expect(second.html).toBe((await built).html);
  });
});

describe('writeReport', () => {
  it('writes the page and every spec beside it, leaving no temporary files', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thuiszit-report-'));
    try {
      const target = await writeReport(dir, full, 'region.html');
      expect(target).toBe(path.join(dir, 'region.html'));
      const { html, specs } = await built;
      expect(fs.readFileSync(target, 'utf8')).toBe(html);
      expect(fs.readdirSync(dir).sort()).toEqual([...Object.keys(specs).map((n) => `${n}.vl.json`), 'region.html'].sort());
      for (const [name, spec] of Object.entries(specs)) {
        expect(JSON.parse(fs.readFileSync(path.join(dir, `${name}.vl.json`), 'utf8'))).toEqual(spec);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('partly defined figures', () => {
  it('marks a cell whose metric some replications left undefined, and explains the mark once', async () => {
    const input = fixtureInput({ scenarios: 2 });
    input.scenarios[0]!.metrics['p90_weeks_to_offer'] = summary(60, 10, 31);
    const { html } = await buildReport(input);
    const table = html.slice(html.indexOf('<table class="headline">'), html.indexOf('</table>'));
    expect(table).toContain('title="defined in 31 of 40 replications">*31/40<');
    expect(table.match(/\*31\/40/g)?.length).toBe(1);
    expect(table).toContain('defined in only n of the N replications');
    const complete = await buildReport(fixtureInput({ scenarios: 2 }));
    expect(complete.html).not.toContain('class="partial"');
  });
});

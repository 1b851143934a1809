// The report for everyone: reports go to ministries and municipalities, whose publications must meet
// WCAG 2.1 AA. axe-core finds nothing on a report with every chart (a projection's included), and each
// chart is an image with a name and a description, backed by a data table as its text alternative
// (weekly curves and per-year trajectories included).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatPlain } from '../../analysis/report/format.js';
import { writeReport } from '../../analysis/report/write.js';
import type { ReportInput } from '../../analysis/report/report-input.js';
import { axeViolations } from './axe.js';
import { fixtureInput } from './fixture.js';

const artifacts = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'artifacts');

let input: ReportInput;
let htmlPath: string;
let html: string;

beforeAll(async () => {
  input = fixtureInput({ sensitivity: true, calibration: true, years: 8 });
  htmlPath = await writeReport(path.join(artifacts, 'report-a11y'), input);
  html = readFileSync(htmlPath, 'utf8');
});

/** The text of the <details> of a figure's data, from its summary to its end. */
function dataOf(label: string): string {
  const start = html.indexOf(`<details><summary>${label} in numbers</summary>`);
  expect(start, `${label} has a data table`).toBeGreaterThan(0);
  return html.slice(start, html.indexOf('</details>', start));
}

describe('report accessibility', () => {
  it('has no axe-core violations (WCAG 2.0/2.1 A and AA, best practices)', async () => {
    expect(await axeViolations(htmlPath)).toEqual([]);
  });

  it('names every chart after its figure number and title, and describes it by its caption', () => {
    const svgs = [...html.matchAll(/<svg ([^>]*)>/g)].map((m) => m[1] ?? '');
    expect(svgs.length).toBe(10);
    svgs.forEach((attributes, i) => {
      expect(attributes).toMatch(new RegExp(`^role="img" aria-label="Figure ${i + 1}: [A-Z][^"]+" aria-describedby="(fig-[a-z-]+-caption)"`));
      const captionId = /aria-describedby="([^"]+)"/.exec(attributes)?.[1];
      expect(html).toContain(`<figcaption id="${captionId}"><b>Figure ${i + 1}.</b>`);
    });
    expect(html).toContain('aria-label="Figure 2: Children at home, week by week"');
    // vega's roles for single marks and axes are gone: the chart is one image.
    expect(html).not.toMatch(/role="graphics-|aria-roledescription/);
  });

  it('gives the weekly curves a table per definition, one row per week and one column per scenario', () => {
    const data = dataOf('Figure 2');
    const tables = data.split('<table>').slice(1);
    expect(tables.length).toBe(2);
    expect(tables[0]).toContain('<caption>Data of Figure 2, Legal definition');
    expect(tables[1]).toContain('<caption>Data of Figure 2, All absence counted');
    const scenarios = input.scenarios.map((s) => s.name);
    expect(tables[0]).toContain(`<th scope="col">Week of the measured period</th>${scenarios.map((s) => `<th scope="col">${s}</th>`).join('')}`);
    expect(tables[0]!.match(/<tr><th scope="row">/g)?.length).toBe(52);
    // The cells are the chart's own numbers: week 10 of the second scenario, legal definition.
    const row = input.scenarios[1]!.weekly.find((r) => r.week === 10 && r.metric === 'thuiszitters_legal')!;
    const cells = /<tr><th scope="row">10<\/th>((?:<td>[^<]*<\/td>)+)<\/tr>/.exec(tables[0]!)?.[1];
    expect(cells?.split('</td>')[1]).toBe(`<td>${formatPlain(row.mean)}`);
  });

  it('gives every other chart a table, or points to the section\'s table, and keeps the tables\' captions', () => {
    for (const [number, caption] of [[1, 'Data of Figure 1, '], [3, 'Data of Figure 3'], [4, 'Data of Figure 4'], [5, 'Data of Figure 5'], [6, 'Data of Figure 6'], [7, 'Data of Figure 7'], [8, 'Data of Figure 8, ']] as const) {
      expect(dataOf(`Figure ${number}`)).toContain(`<caption>${caption}`);
    }
    for (const number of [9, 10]) expect(html).toMatch(new RegExp(`<b>Figure ${number}\\.</b>[^<]*Its numbers are in the table after it\\.</figcaption>`));
    expect(html).toMatch(/<table[^>]*>\s*<caption>/);
  });
});

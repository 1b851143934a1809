/// <reference lib="dom" />
// The web app as an adviser's browser runs it: built, served from a local static server under a
// subpath, opened in Debian's Chromium. Its figures must be the command line's to the last digit,
// its form must change a scenario, a bad file must be refused naming the field, and nothing may go
// wrong in the console, leave the page's origin or fail axe-core's accessibility rules.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root, runCli, temporaryDir } from '../cli/helpers.js';
import { axeViolations, jsonScript, startWebApp, waitForFinish, type WebApp } from './browser-page.js';

const artifacts = path.join(root, 'tests', 'artifacts');
let app: WebApp;

/** Clicks a download button and reads the file the page hands over. */
async function downloaded(page: Page, selector: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(file, 'utf8') };
}

function metricsOf(summary: unknown): unknown {
  return (summary as { metrics: unknown }).metrics;
}

beforeAll(async () => {
  app = await startWebApp(path.join(artifacts, 'web-dist'));
});

afterAll(async () => {
  await app?.close();
});

describe('web app in a browser', () => {
  it('gives the numbers of thuiszit run for the same scenario and seed, with no console error, foreign request or axe violation', async () => {
    const page = await app.open('?scenario=baseline&replications=8&seed=3&run=1&lang=en');
    expect(await waitForFinish(page)).toBe('done');
    const web = await jsonScript(page, 'summary-json');

    const out = temporaryDir('web-run');
    const cli = runCli(['run', '--scenario', 'baseline', '--replications', '8', '--seed', '3', '--out', out, '--quiet']);
    expect(cli.status, cli.stderr).toBe(0);
    const expected = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8')) as unknown;
    rmSync(out, { recursive: true, force: true });
    expect(metricsOf(web)).toEqual(metricsOf(expected));
    expect(web).toEqual(expected);

    // The page's whole state is in its address, so a link reproduces the run.
    expect(new URL(page.url()).search).toBe('?scenario=baseline&replications=8&seed=3&lang=en');
    expect(await page.locator('table.headline').count()).toBe(1);
    expect(await page.locator('figure.chart svg').count()).toBeGreaterThan(3);
    await page.locator('details[data-group="care"] > summary').click();
    expect(await axeViolations(page)).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
    await page.close();
  });

  it('changes a lever through the form and compares as thuiszit compare does with that change in a file', async () => {
    const page = await app.open('?scenario=baseline&scenario=prevention&replications=4&seed=5&lang=en');
    await page.getByRole('button', { name: 'Edit levers: Scenario 2' }).click();
    await page.locator('details[data-group="policy"] > summary').click();
    const field = page.locator('[data-path="policy.prevention.onsetReduction"]');
    await field.locator('input').fill('0.5');
    await field.locator('input').press('Tab');
    await expect.poll(() => field.getAttribute('class')).toContain('is-changed');
    expect(new URL(page.url()).searchParams.getAll('set')).toEqual(['policy.prevention.onsetReduction=0.5']);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    expect(await waitForFinish(page)).toBe('done');
    const web = (await jsonScript(page, 'comparison-json')) as { scenarios: Array<{ difference_vs_reference: Record<string, { mean: number; ci95_high: number }> | null }> };

    const dir = temporaryDir('web-compare');
    const file = path.join(dir, 'prevention-half.yaml');
    writeFileSync(file, 'extends: prevention\nname: prevention\npolicy:\n  prevention:\n    onsetReduction: 0.5\n');
    const cli = runCli(['compare', '--scenarios', 'baseline', file, '--replications', '4', '--seed', '5', '--out', path.join(dir, 'out'), '--quiet']);
    expect(cli.status, cli.stderr).toBe(0);
    const expected = JSON.parse(readFileSync(path.join(dir, 'out', 'comparison.json'), 'utf8')) as unknown;
    const expectedCsv = readFileSync(path.join(dir, 'out', 'comparison.csv'), 'utf8');
    rmSync(dir, { recursive: true, force: true });
    expect(web).toEqual(expected);

    // The downloads are the command line's files, and the scenario file states only the change.
    expect(await downloaded(page, '#download-csv')).toEqual({ name: 'comparison.csv', text: expectedCsv });
    const summary = await downloaded(page, '#download-summary');
    expect(JSON.parse(summary.text)).toEqual(await jsonScript(page, 'summary-json'));
    const report = await downloaded(page, '#download-report');
    expect(report.name).toBe('report.html');
    expect(report.text).toMatch(/^<!DOCTYPE html>/);
    expect(report.text).toContain('<h1>thuiszit: baseline vs prevention</h1>');
    expect(report.text).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(await downloaded(page, '#download-yaml')).toEqual({ name: 'prevention-changed.yaml', text: 'extends: prevention\npolicy:\n  prevention:\n    onsetReduction: 0.5\n' });
    // Half the onsets prevented: clearly fewer new episodes than the reference.
    expect(web.scenarios[1]?.difference_vs_reference?.['new_episodes']?.ci95_high).toBeLessThan(0);

    await page.locator('#results-section').screenshot({ path: path.join(artifacts, 'web-comparison.png') });
    expect(app.consoleErrors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
    await page.close();
  });

  it('refuses a bad scenario file with the message naming the file and the field, and an out-of-range value next to its field', async () => {
    const bad = 'extends: baseline\ncare:\n  ggz:\n    capacity: -3\n';
    const dir = temporaryDir('web-bad');
    writeFileSync(path.join(dir, 'bad.yaml'), bad);
    const cli = runCli(['run', '--scenario', path.join(dir, 'bad.yaml'), '--replications', '1', '--out', path.join(dir, 'out')]);
    rmSync(dir, { recursive: true, force: true });
    const problem = 'care.ggz.capacity: expected a number >= 0, got -3';
    expect(cli.stderr).toContain(problem);

    const page = await app.open('?scenario=baseline&lang=en');
    await page.locator('#file-input').setInputFiles({ name: 'bad.yaml', mimeType: 'application/yaml', buffer: Buffer.from(bad) });
    await expect.poll(() => page.locator('#file-error').textContent()).toBe(`The scenario file was not loaded: bad.yaml: ${problem}`);
    expect(await page.locator('#scenario-list > li').count()).toBe(1);

    await page.locator('details[data-group="care"] > summary').click();
    const field = page.locator('[data-path="care.ggz.capacity"]');
    await field.locator('input').fill('-3');
    await field.locator('input').press('Tab');
    await expect.poll(() => field.locator('.field-error').textContent()).toBe(`--set care.ggz.capacity=-3: ${problem}`);
    expect(await field.locator('input').getAttribute('aria-invalid')).toBe('true');
    await field.getByRole('button', { name: /^Reset/ }).click();
    await expect.poll(() => field.locator('.field-error').textContent()).toBe('');
    expect(new URL(page.url()).searchParams.getAll('set')).toEqual([]);

    // A good file dropped on the page becomes a scenario to compare: what it extends plus what it states.
    const good = 'extends: prevention\nname: half\npolicy:\n  prevention:\n    onsetReduction: 0.5\n';
    const dataTransfer = await page.evaluateHandle((content) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], 'half.yaml', { type: 'application/yaml' }));
      return transfer;
    }, good);
    await page.dispatchEvent('#drop-zone', 'drop', { dataTransfer });
    await expect.poll(() => page.locator('#scenario-list > li').count()).toBe(2);
    expect(new URL(page.url()).searchParams.getAll('scenario')).toEqual(['baseline', 'prevention']);
    expect(new URL(page.url()).searchParams.getAll('set')).toEqual(['name="half"', 'policy.prevention.onsetReduction=0.5']);
    expect(await axeViolations(page)).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
    await page.close();
  });

  it('works opened from disk, in Dutch, where Chromium allows no workers: the replications run on the page, same numbers', async () => {
    const page = await app.browser.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${pathToFileURL(path.join(artifacts, 'web-dist', 'index.html')).href}?scenario=casusregisseur&replications=2&seed=4&run=1&lang=nl`);
    expect(await waitForFinish(page)).toBe('done');
    expect(await page.locator('#status').textContent()).toContain('op de pagina zelf');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
    const out = temporaryDir('web-file');
    const cli = runCli(['run', '--scenario', 'casusregisseur', '--replications', '2', '--seed', '4', '--out', out, '--quiet']);
    expect(cli.status, cli.stderr).toBe(0);
    expect(await jsonScript(page, 'summary-json')).toEqual(JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8')));
    rmSync(out, { recursive: true, force: true });
    expect(errors).toEqual([]);
    // Last: axe reads the stylesheet with a request Chromium refuses on file://, an error of axe's, not the page's.
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('shows a projection\'s goal count per school year and the goal table, from the same figures as thuiszit run', async () => {
    const page = await app.open('?scenario=baseline&set=start%3D2025-08-01&set=measuredYears%3D3&replications=3&seed=3&run=1&lang=en');
    expect(await waitForFinish(page)).toBe('done');
    const out = temporaryDir('web-projection');
    const cli = runCli(['run', '--scenario', 'baseline', '--set', 'start=2025-08-01', '--set', 'measuredYears=3', '--replications', '3', '--seed', '3', '--out', out, '--quiet']);
    expect(cli.status, cli.stderr).toBe(0);
    const expected = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8')) as { years: Array<{ label: string }> };
    const goals = JSON.parse(readFileSync(path.join(out, 'goal.json'), 'utf8')) as { goals: Array<{ goal: string; scenarios: Array<{ first_year_80: string | null; years: Array<{ share: number }> }> }> };
    rmSync(out, { recursive: true, force: true });
    expect(await jsonScript(page, 'summary-json')).toEqual(expected);
    expect(expected.years.map((y) => y.label)).toEqual(['2025/26', '2026/27', '2027/28']);

    // First figure: the national goal's count per school year, drawn, with its numbers as a table.
    expect(await page.locator('figure.chart').first().locator('figcaption').textContent()).toContain('Figure 1.');
    const first = page.locator('figure.chart').first();
    expect(await first.getAttribute('data-chart')).toBe('trajectories');
    expect(await first.locator('svg').count()).toBe(1);
    expect(await page.locator('details > summary', { hasText: 'Figure 1 in numbers' }).count()).toBe(1);
    // The goal table holds goal.json's answer: the national goal, first met in no year (or the year goal.json says).
    const national = goals.goals[0]!;
    expect(national.goal).toBe('over_13_weeks_without_offer<=0');
    const row = page.locator('table', { hasText: 'First year met' }).first().locator('tbody tr').first();
    expect(await row.locator('td').first().textContent()).toBe(national.scenarios[0]!.first_year_80 ?? 'not within the projection');
    expect(await row.locator('td').count()).toBe(2 + 3);
    await page.locator('#results-section').screenshot({ path: path.join(artifacts, 'web-projection.png') });
    expect(await axeViolations(page)).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
    await page.close();
  });

  it('cancels a run and stays usable', async () => {
    const page = await app.open('?scenario=baseline&replications=400&seed=1&lang=en&run=1');
    await page.waitForFunction(() => document.body.dataset['state'] === 'running');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.waitForFunction(() => document.body.dataset['state'] === 'idle');
    expect(await page.locator('#status').textContent()).toBe('Run cancelled.');
    expect(await page.locator('#summary-json').count()).toBe(0);
    await page.close();
  });
});

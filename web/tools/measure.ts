// `npm run bench:web`: the web app's speed and size as the README reports them. Builds the app,
// serves it on localhost, and in headless Chromium presses Run on baseline against casusregisseur
// (40 replications each, seed 1) three times, timing from the click to the finished comparison
// (table and charts drawn); prints each time, the median and the bundle's gzip size. With --screenshot
// FILE it also photographs the finished comparison (the README's picture).
/// <reference lib="dom" />
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH } from '../../analysis/report/screenshot.js';
import { buildWeb, sizeReport } from './build.js';
import { serveStatic } from './serve.js';

const QUERY = '?scenario=baseline&scenario=casusregisseur&replications=40&seed=1&lang=en';
const RUNS = 3;

const screenshotAt = process.argv.indexOf('--screenshot');
const screenshot = screenshotAt > 0 ? process.argv[screenshotAt + 1] : undefined;
const build = await buildWeb();
const server = await serveStatic(build.outDir);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
try {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, deviceScaleFactor: 1 });
    await page.goto(server.url + QUERY);
    await page.waitForFunction(() => document.body.dataset['state'] === 'idle');
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    const started = Date.now();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.waitForFunction(() => document.body.dataset['state'] === 'done' || document.body.dataset['state'] === 'error', null, { timeout: 900_000, polling: 50 });
    const seconds = (Date.now() - started) / 1000;
    const state = await page.evaluate(() => document.body.dataset['state']);
    if (state !== 'done') throw new Error(`run ${run + 1} ended in state ${state}`);
    times.push(seconds);
    const phases = await page.evaluate(() => performance.getEntriesByType('measure').map((m) => `${m.name.replace('thuiszit:', '')} ${(m.duration / 1000).toFixed(2)} s`).join(', '));
    process.stdout.write(`run ${run + 1}: ${seconds.toFixed(2)} s (${phases}; navigator.hardwareConcurrency ${cores})\n`);
    if (run === RUNS - 1 && screenshot !== undefined) {
      // The table and the first charts: the whole section is several screens tall.
      const box = await page.locator('#results-section').boundingBox();
      if (box === null) throw new Error('the finished page shows no results section');
      await page.screenshot({ path: screenshot, fullPage: true, clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 1600) } });
      process.stdout.write(`screenshot: ${screenshot}\n`);
    }
    await page.close();
  }
  const median = [...times].sort((a, b) => a - b)[Math.floor(RUNS / 2)] ?? Number.NaN;
  process.stdout.write(`Run to finished comparison, baseline vs casusregisseur, 40 replications each: median of ${RUNS} ${median.toFixed(2)} s\n`);
  process.stdout.write(`bundle:\n${sizeReport(build)}\n`);
} finally {
  await browser.close();
  await server.close();
}

/// <reference lib="dom" />
// Opens the built web app in Debian's Chromium (no browser download) from a local static server under a
// subpath, and records what a visitor's browser would see go wrong: console errors, page errors and any
// request that leaves the page's own origin.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_PATH } from '../../analysis/report/screenshot.js';
import { buildWeb } from '../../web/tools/build.js';
import { serveStatic, type StaticServer } from '../../web/tools/serve.js';

export interface WebApp {
  server: StaticServer;
  browser: Browser;
  consoleErrors: string[];
  foreignRequests: string[];
  open(query: string): Promise<Page>;
  close(): Promise<void>;
}

export async function startWebApp(outDir: string): Promise<WebApp> {
  const build = await buildWeb(outDir);
  const server = await serveStatic(build.outDir, { basePath: '/thuiszit/' });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const origin = new URL(server.url).origin;
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  return {
    server,
    browser,
    consoleErrors,
    foreignRequests,
    async open(query) {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, deviceScaleFactor: 1, locale: 'en-GB' });
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      page.on('pageerror', (error) => consoleErrors.push(error.message));
      page.on('request', (request) => {
        const url = request.url();
        if (!url.startsWith(`${origin}/`) && !url.startsWith('blob:')) foreignRequests.push(url);
      });
      page.on('requestfailed', (request) => consoleErrors.push(`request failed: ${request.url()}`));
      await page.goto(server.url + query);
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

export async function waitForFinish(page: Page, timeout = 240_000): Promise<string> {
  await page.waitForFunction(() => document.body.dataset['state'] === 'done' || document.body.dataset['state'] === 'error', null, { timeout, polling: 200 });
  return page.evaluate(() => document.body.dataset['state'] ?? '');
}

export async function jsonScript(page: Page, id: string): Promise<unknown> {
  const text = await page.evaluate((scriptId) => document.getElementById(scriptId)?.textContent ?? null, id);
  if (text === null) throw new Error(`the page has no #${id}`);
  return JSON.parse(text) as unknown;
}

/** axe-core's violations on the page as it stands, as 'rule: target' lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  const source = readFileSync(path.join(path.dirname(createRequire(import.meta.url).resolve('axe-core')), 'axe.min.js'), 'utf8');
  await page.addScriptTag({ content: source });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const result = await axe.run();
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`);
  });
  return violations;
}

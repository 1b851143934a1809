// Opens a report in headless Chromium, the way a reader's browser would, checks that it loads
// cleanly from disk and photographs it. The browser is Debian's /usr/bin/chromium: a browser
// downloaded at test time would make the check depend on the network it is meant to rule out.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface ReportPageCheck {
  consoleErrors: string[];
  /** Requests that failed, plus every request for anything other than the report file itself. */
  failedRequests: string[];
  /** Per chart figure (data-chart name): how many SVG elements and how many data marks it holds. */
  charts: Array<{ name: string; svgs: number; marks: number }>;
}

export interface ScreenshotOptions {
  /** Whole page (default) or only the first screen, e.g. for a README picture. */
  fullPage?: boolean;
  /** Viewport width in CSS pixels; default 1100, wide enough for the 980-pixel page. */
  width?: number;
}

export async function screenshotReport(htmlPath: string, pngPath: string, options: ScreenshotOptions = {}): Promise<ReportPageCheck> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`screenshotReport: no browser at ${CHROMIUM_PATH}; install Debian's package (apt-get install chromium)`);
  }
  const pageUrl = pathToFileURL(path.resolve(htmlPath)).href;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: options.width ?? 1100, height: 900 }, deviceScaleFactor: 1 });
    const consoleErrors: string[] = [];
    const failedRequests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    page.on('requestfailed', (request) => failedRequests.push(`${request.url()}: ${request.failure()?.errorText ?? 'failed'}`));
    page.on('request', (request) => {
      if (request.url() !== pageUrl) failedRequests.push(`${request.url()}: the report must load nothing but itself`);
    });
    await page.goto(pageUrl, { waitUntil: 'load' });
    const charts = await page.$$eval('figure[data-chart]', (figures) =>
      figures.map((figure) => ({
        name: figure.getAttribute('data-chart') ?? '',
        svgs: figure.querySelectorAll('svg').length,
        // Data marks, not axes or legends: vega gives their groups the role 'mark'.
        marks: figure.querySelectorAll('g.role-mark > *').length,
      })),
    );
    fs.mkdirSync(path.dirname(path.resolve(pngPath)), { recursive: true });
    await page.screenshot({ path: pngPath, fullPage: options.fullPage ?? true });
    return { consoleErrors, failedRequests, charts };
  } finally {
    await browser.close();
  }
}

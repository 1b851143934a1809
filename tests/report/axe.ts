// axe-core, the accessibility engine behind most browser audit tools, run on a page in Debian's
// Chromium: the same browser and launch options as the report's own browser check. axe is injected
// from node_modules as inline script, so the page still makes no request.
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../analysis/report/screenshot.js';

const axeSource = createRequire(import.meta.url)('axe-core').source as string;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Every violation of every axe rule that applies (WCAG 2.0/2.1 A and AA and best practices). */
export async function axeViolations(htmlPath: string): Promise<AxeViolation[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await page.goto(pathToFileURL(path.resolve(htmlPath)).href, { waitUntil: 'load' });
    await page.addScriptTag({ content: axeSource });
    return await page.evaluate(async () => {
      // Runs in the page: axe is the global the injected script defined, and the context is the document.
      const page = globalThis as unknown as {
        document: unknown;
        axe: { run(context: unknown): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> };
      };
      const results = await page.axe.run(page.document);
      return results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.map(String).join(' ')) }));
    });
  } finally {
    await browser.close();
  }
}

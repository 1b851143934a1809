// The report as a reader sees it: Debian's Chromium opens the file from disk with no network,
// and the page must load without errors or requests and show every chart. The screenshot goes
// to tests/artifacts/ (gitignored) for a person to look at; it shows fixture data, so it is never
// a picture for the README.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeReport } from '../../analysis/report/write.js';
import { CHROMIUM_PATH, screenshotReport } from '../../analysis/report/screenshot.js';
import { fixtureInput } from './fixture.js';

const artifacts = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'artifacts');

describe('report in a browser', () => {
  it('loads from file:// without errors or requests, shows every chart, and is photographed', async () => {
    if (!fs.existsSync(CHROMIUM_PATH)) {
      throw new Error(`${CHROMIUM_PATH} is missing: the report test needs Debian's Chromium (apt-get install chromium); .ci/run installs it`);
    }
    const dir = path.join(artifacts, 'report');
    const htmlPath = await writeReport(dir, fixtureInput({ sensitivity: true, calibration: true, years: 8 }));
    const pngPath = path.join(artifacts, 'report.png');
    fs.rmSync(pngPath, { force: true });

    const check = await screenshotReport(htmlPath, pngPath);

    expect(check.consoleErrors).toEqual([]);
    expect(check.failedRequests).toEqual([]);
    expect(check.charts.map((c) => c.name)).toEqual(['weeks-to-offer', 'counts-over-time', 'differences', 'weeks-in-stage', 'care-waits', 'escalations', 'costs', 'trajectories', 'sensitivity', 'calibration']);
    for (const chart of check.charts) {
      expect(chart.svgs, chart.name).toBe(1);
      expect(chart.marks, chart.name).toBeGreaterThan(0);
    }
    const png = fs.readFileSync(pngPath);
    expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    // A full page of ten charts is several thousand pixels tall; a blank or cut-off page is not.
    expect(png.readUInt32BE(20)).toBeGreaterThan(5000);
  });

  it('reports a request for anything outside the file as a failure', async () => {
    const dir = path.join(artifacts, 'report-remote');
    fs.mkdirSync(dir, { recursive: true });
    const htmlPath = path.join(dir, 'remote.html');
    // An image from a closed local port: the check must see the request even though it never leaves the machine.
    fs.writeFileSync(htmlPath, '<!DOCTYPE html><meta charset="utf-8"><title>t</title><img src="http://127.0.0.1:9/x.png" alt="">');
    const check = await screenshotReport(htmlPath, path.join(dir, 'remote.png'), { fullPage: false });
    expect(check.failedRequests.some((r) => r.startsWith('http://127.0.0.1:9/x.png'))).toBe(true);
    expect(check.charts).toEqual([]);
  });
});

// Every command leaves report-input.json (the figures behind a report) in its output folder, so
// `thuiszit report DIR` can draw, or redraw, the report later without running anything again.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../execution/atomic-write.js';
import { stableJson } from '../output/json.js';
import type { ReportInput } from '../report/report-input.js';
import { OptionError } from './option-checks.js';

const REPORT_INPUT_FILE = 'report-input.json';

/**
 * Loaded only when a report is drawn: the renderer pulls in vega and vega-lite, about 0.4 s of
 * start-up that every other command (and every refused option) would otherwise pay.
 */
async function writeReport(out: string, input: ReportInput): Promise<string> {
  const { writeReport: write } = await import('../report/write.js');
  return write(out, input);
}

export async function writeReportFiles(out: string, input: ReportInput, render: boolean): Promise<string[]> {
  const dataPath = path.join(out, REPORT_INPUT_FILE);
  writeFileAtomic(dataPath, stableJson(input));
  return render ? [dataPath, await writeReport(out, input)] : [dataPath];
}

/** `thuiszit report DIR [--out OUT]`: the report of an earlier run, compare, sensitivity or calibration. */
export async function reportCommand(dir: string, out: string | undefined): Promise<string> {
  const dataPath = path.join(dir, REPORT_INPUT_FILE);
  if (!existsSync(dataPath)) {
    throw new OptionError('dir', dir, `a folder written by thuiszit run, compare, sensitivity or calibrate (it has no ${REPORT_INPUT_FILE})`);
  }
  const input = JSON.parse(readFileSync(dataPath, 'utf8')) as ReportInput;
  return writeReport(out ?? dir, input);
}

// Every command leaves report-input.json (the figures behind a report) in its output folder, so
// `thuiszit report DIR` can draw, or redraw, the report later without running anything again.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../execution/atomic-write.js';
import { COMPLETE_FILE_NAME, isCompleteOutputSet, listedOutputs } from '../execution/output-folder.js';
import { stableJson } from '../output/json.js';
import { parseReportInput, type ReportInput } from '../report/report-input.js';
import { OptionError } from './option-checks.js';
import { withOutputFolder } from './scenario-execution.js';

const REPORT_INPUT_FILE = 'report-input.json';

/**
 * Loaded only when a report is drawn: the renderer pulls in vega and vega-lite, about 0.4 s of
 * start-up that every other command (and every refused option) would otherwise pay.
 */
async function writeReport(out: string, input: ReportInput): Promise<string[]> {
  const { writeReport: write } = await import('../report/write.js');
  const charts: string[] = [];
  const html = await write(out, input, 'report.html', charts);
  return [html, ...charts.filter((file) => file !== html)];
}

/** [report-input.json] or, when rendering, [report-input.json, report.html, ...chart specs]. */
export async function writeReportFiles(out: string, input: ReportInput, render: boolean): Promise<string[]> {
  const dataPath = path.join(out, REPORT_INPUT_FILE);
  writeFileAtomic(dataPath, stableJson(input));
  return render ? [dataPath, ...(await writeReport(out, input))] : [dataPath];
}

/** `thuiszit report DIR [--out OUT]`: the report of an earlier run, compare, sensitivity or calibration. */
export async function reportCommand(dir: string, out: string | undefined, command = 'thuiszit report'): Promise<string> {
  const dataPath = path.join(dir, REPORT_INPUT_FILE);
  if (!existsSync(dataPath)) {
    throw new OptionError('dir', dir, `a folder written by thuiszit run, compare, sensitivity or calibrate (it has no ${REPORT_INPUT_FILE})`);
  }
  if (!isCompleteOutputSet(dir)) {
    throw new OptionError('dir', dir, `a complete output folder (it has no ${COMPLETE_FILE_NAME}: the command that wrote it stopped before its end, so its files may be incomplete or of two runs; rerun that command, with --resume if it left work)`);
  }
  const input = parseReportInput(readFileSync(dataPath, 'utf8'), dataPath);
  const target = out ?? dir;
  return withOutputFolder(target, command, false, async (session) => {
    // Drawing adds files to a set that stays complete: its data files are not touched, so the
    // marker is rewritten with the drawing added rather than removed first.
    const drawn = await writeReport(target, input);
    session.commit([...new Set([...listedOutputs(target), ...drawn])]);
    return drawn[0]!;
  });
}

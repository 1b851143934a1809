// Writes the report and, beside it, each chart's vega-lite spec, so a chart can be reopened in
// the Vega editor or restyled without rerunning the model. Every file is written to a temporary
// name in the same folder and renamed, so a reader never sees half a report (a rename within one
// folder is atomic on POSIX file systems).
import path from 'node:path';
import { writeFileAtomic } from '../execution/atomic-write.js';
import type { ReportInput } from './report-input.js';
import { buildReport } from './html.js';

/**
 * Writes <dir>/<fileName> and <dir>/<chart>.vl.json per chart; returns the HTML file's path, and adds
 * every file written to `written` (the output folder's completion marker lists them).
 */
export async function writeReport(dir: string, input: ReportInput, fileName = 'report.html', written: string[] = []): Promise<string> {
  const { html, specs } = await buildReport(input);
  for (const [name, spec] of Object.entries(specs)) {
    const file = path.join(dir, `${name}.vl.json`);
    writeFileAtomic(file, `${JSON.stringify(spec, null, 2)}\n`);
    written.push(file);
  }
  const target = path.join(dir, fileName);
  writeFileAtomic(target, html);
  written.push(target);
  return target;
}

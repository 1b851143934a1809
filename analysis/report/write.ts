// Writes the report and, beside it, each chart's vega-lite spec, so a chart can be reopened in
// the Vega editor or restyled without rerunning the model. Every file is written to a temporary
// name in the same folder and renamed, so a reader never sees half a report (a rename within one
// folder is atomic on POSIX file systems).
import path from 'node:path';
import { writeFileAtomic } from '../execution/atomic-write.js';
import type { ReportInput } from './report-input.js';
import { buildReport } from './html.js';

/** Writes <dir>/<fileName> and <dir>/<chart>.vl.json per chart; returns the HTML file's path. */
export async function writeReport(dir: string, input: ReportInput, fileName = 'report.html'): Promise<string> {
  const { html, specs } = await buildReport(input);
  for (const [name, spec] of Object.entries(specs)) {
    writeFileAtomic(path.join(dir, `${name}.vl.json`), `${JSON.stringify(spec, null, 2)}\n`);
  }
  const target = path.join(dir, fileName);
  writeFileAtomic(target, html);
  return target;
}

// The short table the terminal shows after run and compare: scenarios side by side on the headline
// metrics, mean with its 95% CI, so an adviser sees the answer before opening the report.
import type { MetricSummary } from '../statistics/summary.js';
import type { ComparedScenario } from '../scenario-runs/compare-outputs.js';

export const TERMINAL_METRICS: readonly string[] = [
  'over_13_weeks_legal',
  'over_13_weeks_all',
  'share_offer_within_13_weeks',
  'median_weeks_to_offer',
  'p90_weeks_to_offer',
  'thuiszitters_legal',
  'exemptions',
  'cost_eur_total',
];

function figure(value: number): string {
  const magnitude = Math.abs(value);
  if (magnitude >= 10_000) return Math.round(value).toLocaleString('en-GB');
  if (magnitude >= 100) return value.toFixed(0);
  if (magnitude >= 1) return value.toFixed(1);
  return value.toFixed(3);
}

function cell(summary: MetricSummary | undefined): string {
  if (summary === undefined || summary.n === 0) return '-';
  if (summary.n === 1) return figure(summary.mean);
  return `${figure(summary.mean)} [${figure(summary.ci95_low)}, ${figure(summary.ci95_high)}]`;
}

export function headlineTable(compared: readonly ComparedScenario[], metrics: readonly string[] = TERMINAL_METRICS): string {
  const header = ['metric', ...compared.map((c) => c.planned.name)];
  const rows = metrics.map((metric) => [metric, ...compared.map((c) => cell(c.aggregate.metrics[metric]))]);
  const widths = header.map((_, col) => Math.max(...[header, ...rows].map((row) => (row[col] ?? '').length)));
  const line = (row: readonly string[]): string =>
    row.map((text, col) => (col === 0 ? text.padEnd(widths[col] ?? 0) : text.padStart(widths[col] ?? 0))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n';
}

/** Sensitivity indices per metric as aligned text: one block per metric, one line per parameter. */
export function sensitivityTable(indices: Readonly<Record<string, ReadonlyArray<Record<string, number | string>>>>): string {
  const blocks = Object.entries(indices).map(([metric, rows]) => {
    const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    const cells = rows.map((r) => columns.map((c) => (typeof r[c] === 'number' ? figure(r[c]) : String(r[c] ?? ''))));
    const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((row) => (row[i] ?? '').length)));
    const line = (row: readonly string[]) => row.map((t, i) => (i === 0 ? t.padEnd(widths[i] ?? 0) : t.padStart(widths[i] ?? 0))).join('  ');
    return [metric, line(columns), ...cells.map(line)].join('\n');
  });
  return blocks.join('\n\n') + '\n';
}

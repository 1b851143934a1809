// The short table the terminal shows after run and compare: scenarios side by side on the headline
// metrics, mean with its 95% CI, so an adviser sees the answer before opening the report.
import type { MetricSummary } from '../statistics/summary.js';
import type { ComparedScenario } from '../scenario-runs/compare-outputs.js';
import { visibleText } from '../output/visible-text.js';

/** The headline metrics for a terminal, with short column titles so eight scenarios fit a screen. */
const TERMINAL_METRICS: ReadonlyArray<readonly [metric: string, title: string]> = [
  ['over_13_weeks_legal', '>13 wk legal'],
  ['over_13_weeks_all', '>13 wk all'],
  ['share_offer_within_13_weeks', 'offer <=13 wk'],
  ['median_weeks_to_offer', 'median wk'],
  ['p90_weeks_to_offer', 'p90 wk'],
  ['thuiszitters_legal', 'at home'],
  ['exemptions', 'exemptions'],
  ['cost_eur_total', 'cost EUR'],
];

export function figure(value: number): string {
  const magnitude = Math.abs(value);
  if (magnitude >= 10_000) return Math.round(value).toLocaleString('en-GB');
  if (magnitude >= 100) return value.toFixed(0);
  if (magnitude >= 1) return value.toFixed(1);
  return value.toFixed(3);
}

/**
 * Mean and the half-width of its 95% CI; '-' where no replication defined the metric, and '*' where
 * only some did (a quantile that fell among still-open episodes): that mean leans low.
 */
function cell(summary: MetricSummary | undefined, replications: number): string {
  if (summary === undefined || summary.n === 0) return '-';
  const partial = summary.n < replications ? '*' : '';
  if (summary.n === 1) return `${figure(summary.mean)}${partial}`;
  return `${figure(summary.mean)} ±${figure((summary.ci95_high - summary.ci95_low) / 2)}${partial}`;
}

/** Cells may hold names from scenario files: their control characters are shown, not obeyed. */
export function alignedTable(header: readonly string[], textRows: ReadonlyArray<readonly string[]>): string {
  const rows = textRows.map((row) => row.map(visibleText));
  const widths = header.map((_, col) => Math.max(...[header, ...rows].map((row) => (row[col] ?? '').length)));
  const line = (row: readonly string[]): string =>
    row.map((text, col) => (col === 0 ? text.padEnd(widths[col] ?? 0) : text.padStart(widths[col] ?? 0))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n';
}

/** One row per scenario, mean ±95% CI half-width per headline metric, over the replications. */
export function headlineTable(compared: readonly ComparedScenario[], replications: number): string {
  const header = ['scenario', ...TERMINAL_METRICS.map(([, title]) => title)];
  const rows = compared.map((c) => [c.planned.name, ...TERMINAL_METRICS.map(([metric]) => cell(c.aggregate.metrics[metric], replications))]);
  const table = alignedTable(header, rows);
  const partial = rows.some((row) => row.some((text) => text.endsWith('*')));
  return partial ? `${table}* defined in only some replications: the rest still had the quantile's episodes open at the end of follow-up\n` : table;
}

/** The metric the per-year view follows: the national goal's count. */
export const YEARLY_TERMINAL_METRIC = 'over_13_weeks_legal';

/**
 * The headline metric per school year, one row per scenario, one column per measured year (mean ±95%
 * CI half-width): the trajectory at a glance. Empty for a run of one measured year, which the headline
 * table already shows.
 */
export function yearlyHeadlineTable(compared: readonly ComparedScenario[], replications: number): string {
  const labels = [...new Set(compared.flatMap((c) => c.aggregate.years.map((year) => year.label)))].sort();
  if (labels.length <= 1) return '';
  const rows = compared.map((c) => [
    c.planned.name,
    ...labels.map((label) => cell(c.aggregate.years.find((year) => year.label === label)?.metrics[YEARLY_TERMINAL_METRIC], replications)),
  ]);
  return `${YEARLY_TERMINAL_METRIC} per school year:\n${alignedTable(['scenario', ...labels], rows)}`;
}

/** Sensitivity indices per metric as aligned text: one block per metric, one line per parameter. */
export function sensitivityTable(indices: Readonly<Record<string, ReadonlyArray<Record<string, number | string>>>>): string {
  const blocks = Object.entries(indices).map(([metric, rows]) => {
    const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    const cells = rows.map((r) => columns.map((c) => (typeof r[c] === 'number' ? figure(r[c]) : String(r[c] ?? ''))));
    return `${metric}\n${alignedTable(columns, cells)}`;
  });
  return blocks.join('\n');
}

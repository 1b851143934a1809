// The text alternative of a chart: the numbers it draws, as an HTML table under the figure (WCAG 1.1.1),
// read from the chart's own inline data so the table cannot disagree with the picture. Long series
// (one row per week) are pivoted to one row per week and one column per scenario and panel.
import type { TopLevelSpec } from 'vega-lite';
import { escapeHtml } from './escape-html.js';
import { formatPlain } from './format.js';

type Row = Readonly<Record<string, unknown>>;

interface Columns {
  readonly kind: 'columns';
  /** Field and header, in order; the first column heads its row. */
  readonly columns: ReadonlyArray<readonly [string, string]>;
}

/** One table per panel of the chart, one row per `row` value, one column per scenario. */
interface Pivot {
  readonly kind: 'pivot';
  readonly row: readonly [string, string];
  readonly panel: string;
  readonly value: string;
  /** What the cells are, for the caption. */
  readonly cells: string;
}

/** The section already has a table with the chart's numbers, right after the figure (sensitivity, calibration, decomposition). */
interface Following {
  readonly kind: 'following';
}

type TableShape = Columns | Pivot | Following;

const ESTIMATE: ReadonlyArray<readonly [string, string]> = [['mean', 'Mean'], ['low', '95% CI, low'], ['high', '95% CI, high']];

/** By figure name (chart-figures.ts); a chart without a shape here fails the report test, not the reader. */
const SHAPES: Readonly<Record<string, TableShape>> = {
  'weeks-to-offer': { kind: 'pivot', row: ['week', 'Week since onset'], panel: 'measure', value: 'episodes', cells: 'mean episodes per week, by scenario' },
  'counts-over-time': { kind: 'pivot', row: ['week', 'Week of the measured period'], panel: 'definition', value: 'mean', cells: 'mean children at home, by scenario' },
  differences: { kind: 'columns', columns: [['metric', 'Figure'], ['scenario', 'Scenario'], ...ESTIMATE] },
  'weeks-in-stage': { kind: 'columns', columns: [['scenario', 'Scenario'], ['stage', 'Stage'], ['weeks', 'Mean weeks']] },
  'care-waits': { kind: 'columns', columns: [['category', 'Care type'], ['scenario', 'Scenario'], ...ESTIMATE] },
  escalations: { kind: 'columns', columns: [['category', 'Body'], ['scenario', 'Scenario'], ...ESTIMATE] },
  costs: { kind: 'columns', columns: [['category', 'Budget'], ['scenario', 'Scenario'], ...ESTIMATE] },
  trajectories: { kind: 'pivot', row: ['year', 'School year'], panel: 'metric', value: 'estimate', cells: 'mean (95% CI) by scenario' },
  sensitivity: { kind: 'following' },
  calibration: { kind: 'following' },
  decomposition: { kind: 'following' },
};

/** The rows a chart draws: its top-level inline data, or else its first layer's (the main mark). */
function chartRows(spec: TopLevelSpec): Row[] {
  const dataOf = (node: unknown): Row[] | undefined => {
    const data = (node as { data?: { values?: unknown } }).data;
    return Array.isArray(data?.values) ? (data.values as Row[]) : undefined;
  };
  const layers = (spec as { layer?: unknown[] }).layer ?? [];
  return dataOf(spec) ?? layers.map(dataOf).find((rows) => rows !== undefined) ?? [];
}

function cell(value: unknown): string {
  if (typeof value === 'number') return formatPlain(value);
  return value === undefined || value === null ? '' : escapeHtml(String(value));
}

function tableHtml(caption: string, head: readonly string[], body: ReadonlyArray<readonly unknown[]>): string {
  const headRow = head.map((text) => `<th scope="col">${escapeHtml(text)}</th>`).join('');
  const bodyRows = body.map(([first, ...rest]) => `<tr><th scope="row">${cell(first)}</th>${rest.map((value) => `<td>${cell(value)}</td>`).join('')}</tr>`);
  return `<div class="table-wrap"><table><caption>${escapeHtml(caption)}</caption><thead><tr>${headRow}</tr></thead><tbody>\n${bodyRows.join('\n')}\n</tbody></table></div>`;
}

function pivotTables(rows: readonly Row[], shape: Pivot, label: string): string[] {
  const panels = [...new Set(rows.map((row) => String(row[shape.panel])))];
  return panels.map((panel) => {
    const inPanel = rows.filter((row) => String(row[shape.panel]) === panel);
    const scenarios = [...new Set(inPanel.map((row) => String(row['scenario'])))];
    const byRow = new Map<unknown, Map<string, unknown>>();
    for (const row of inPanel) {
      const cells = byRow.get(row[shape.row[0]]) ?? new Map<string, unknown>();
      cells.set(String(row['scenario']), row[shape.value]);
      byRow.set(row[shape.row[0]], cells);
    }
    const body = [...byRow.entries()].map(([key, cells]) => [key, ...scenarios.map((scenario) => cells.get(scenario))]);
    return tableHtml(`Data of ${label}, ${panel}: ${shape.cells}`, [shape.row[1], ...scenarios], body);
  });
}

/** Where the chart's numbers are, said in its description: a table of its own or the section's table. */
export function dataTableNote(name: string, label: string): string {
  return shapeOf(name).kind === 'following' ? 'Its numbers are in the table after it.' : `Its numbers are in \u201c${label} in numbers\u201d, after it.`;
}

function shapeOf(name: string): TableShape {
  const shape = SHAPES[name];
  if (shape === undefined) throw new Error(`chart '${name}' has no data table shape; add one to chart-table.ts`);
  return shape;
}

/** The figure's data as a collapsed table whose caption names the figure it belongs to; '' when the section has one. */
export function chartDataTable(name: string, label: string, spec: TopLevelSpec): string {
  const shape = shapeOf(name);
  if (shape.kind === 'following') return '';
  const rows = chartRows(spec);
  if (shape.kind === 'pivot') {
    return `<details><summary>${escapeHtml(label)} in numbers</summary>${pivotTables(rows, shape, label).join('')}</details>`;
  }
  const body = rows.map((row) => shape.columns.map(([field]) => row[field]));
  return `<details><summary>${escapeHtml(label)} in numbers</summary>${tableHtml(`Data of ${label}`, shape.columns.map(([, header]) => header), body)}</details>`;
}

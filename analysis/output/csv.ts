// CSV that every spreadsheet reads the same way: comma separated, quoted only where needed, and
// numbers printed the same way on every machine so equal inputs give equal bytes.
import { roundForOutput } from './round.js';

function formatNumber(value: number | null): string {
  if (value === null || Number.isNaN(value)) return '';
  return String(roundForOutput(value));
}

// A text cell a spreadsheet would run as a formula (OWASP's list: = + - @ tab CR) gets a leading
// apostrophe, which spreadsheets read as "this is text". Only text cells: a number cell is printed by
// formatNumber and cannot hold a formula, so -3.2 stays -3.2. Text that is itself a plain number
// ("-5" as a calibration count) stays too: a spreadsheet reads it as that number, and nothing runs.
const formulaStart = /^[=+\-@\t\r]/;
const plainNumber = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function neutralise(cell: string): string {
  return formulaStart.test(cell) && !plainNumber.test(cell) ? `'${cell}` : cell;
}

function quote(cell: string): string {
  return /[",\n\r]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

export function csvLine(cells: ReadonlyArray<string | number | null>): string {
  return cells.map((cell) => (typeof cell === 'string' ? quote(neutralise(cell)) : formatNumber(cell))).join(',') + '\n';
}

export function csvTable(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return csvLine(header) + rows.map((row) => csvLine(row)).join('');
}

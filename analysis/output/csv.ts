// CSV that every spreadsheet reads the same way: comma separated, quoted only where needed, and
// numbers printed the same way on every machine so equal inputs give equal bytes.
import { roundForOutput } from './round.js';

function formatNumber(value: number | null): string {
  if (value === null || Number.isNaN(value)) return '';
  return String(roundForOutput(value));
}

function quote(cell: string): string {
  return /[",\n\r]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

export function csvLine(cells: ReadonlyArray<string | number | null>): string {
  return cells.map((cell) => (typeof cell === 'string' ? quote(cell) : formatNumber(cell))).join(',') + '\n';
}

export function csvTable(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return csvLine(header) + rows.map((row) => csvLine(row)).join('');
}

// CSV that every spreadsheet reads the same way: comma separated, quoted only where needed, and
// numbers printed the same way on every machine so equal inputs give equal bytes.

export function formatNumber(value: number | null): string {
  if (value === null || Number.isNaN(value)) return '';
  if (Number.isInteger(value)) return String(value);
  // Ten significant digits: far beyond what a replication average can claim, and short of the
  // last bits where a different summation order would show.
  return String(Number(value.toPrecision(10)));
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

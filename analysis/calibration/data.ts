// A region's aggregate observations, the target of calibration: a CSV with header
// `measure,period,value` or `measure,period,value,sd`.
//
// How periods are used (periods.ts): a file with one period (any label, such as 2019) is compared
// with the model's metrics over all measured years of the scenario, each row one observation of that
// per-year metric. A file with several periods is a time series: each period must be a school year
// (2023/24), the run covers the earliest to the latest, and each row is compared with its own year.
// Figures for part of a year (quarters) must be converted to a school-year basis by whoever prepares
// the file.
//
// Values below a disclosure threshold are often published as `<5`: that is read as the interval
// [0, 5); `>100` is read as (100, infinity).

export type ObservedValue =
  | { kind: 'point'; value: number }
  | { kind: 'interval'; low: number; high: number };

export interface Observation {
  measure: string;
  period: string;
  observed: ObservedValue;
  /** The value cell as written, for reports (e.g. `<5`). */
  text: string;
  /** Standard deviation of the observation (measurement error), if the file gives one. */
  sd?: number;
  /** 1-based row in the file, the header being row 1. */
  row: number;
}

export class CalibrationDataError extends Error {
  readonly row: number;
  readonly column: string;
  readonly value: string;
  readonly expected: string;

  constructor(source: string, row: number, column: string, value: string, expected: string) {
    super(`${source}: row ${row}, column ${column}: got "${value}", expected ${expected}`);
    this.name = 'CalibrationDataError';
    this.row = row;
    this.column = column;
    this.value = value;
    this.expected = expected;
  }
}

/**
 * A region's aggregate figures are tens to hundreds of rows; every row is compared with the model at
 * each of the fit's evaluations and written to fit.csv and the report, so a file of a million rows
 * took 154 s and 3.2 GB before failing. The file size limit keeps reading it cheap.
 */
export const MAX_OBSERVATION_ROWS = 10_000;
export const MAX_OBSERVATION_FILE_BYTES = 2 * 1024 * 1024;

/** Split one CSV line; fields may be double-quoted with "" as an escaped quote (RFC 4180). */
function splitCsvLine(line: string, source: string, row: number): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (ch === ',') {
      fields.push(field.trim());
      field = '';
    } else field += ch;
  }
  if (quoted) throw new CalibrationDataError(source, row, '(line)', line, 'a closing double quote');
  fields.push(field.trim());
  return fields;
}

function parseNumber(text: string): number | null {
  if (text === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

function parseValue(text: string, source: string, row: number): ObservedValue {
  // Every metric is a count, a share, a number of weeks or euros: none is below 0.
  const expected = 'a number >= 0, or a suppressed count like <5 or >100';
  if (text.startsWith('<') || text.startsWith('>')) {
    const bound = parseNumber(text.slice(1).trim());
    if (bound === null || bound < 0) throw new CalibrationDataError(source, row, 'value', text, expected);
    if (text.startsWith('<')) {
      // Suppressed counts are non-negative, hence [0, bound).
      if (!(bound > 0)) throw new CalibrationDataError(source, row, 'value', text, 'a positive bound after "<" (the interval is [0, bound))');
      return { kind: 'interval', low: 0, high: bound };
    }
    return { kind: 'interval', low: bound, high: Infinity };
  }
  const value = parseNumber(text);
  if (value === null || value < 0) throw new CalibrationDataError(source, row, 'value', text, expected);
  return { kind: 'point', value };
}

/**
 * Parse the CSV text. `measures` are the metric names the model produces; `source` names the file
 * in error messages. Blank lines are skipped; rows are numbered as in the file.
 */
export function parseObservations(text: string, measures: readonly string[], source = 'calibration data'): Observation[] {
  const known = new Set(measures);
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const rows = lines.slice(1).filter((line) => line.trim() !== '').length;
  if (rows > MAX_OBSERVATION_ROWS) {
    throw new CalibrationDataError(source, MAX_OBSERVATION_ROWS + 2, '(file)', `${rows} rows`, `at most ${MAX_OBSERVATION_ROWS.toLocaleString('en-US')} observation rows (a region's yearly figures are tens of rows)`);
  }
  const header = splitCsvLine(lines[0] ?? '', source, 1);
  const headerText = header.join(',');
  if (headerText !== 'measure,period,value' && headerText !== 'measure,period,value,sd') {
    throw new CalibrationDataError(source, 1, '(header)', headerText, 'measure,period,value or measure,period,value,sd');
  }
  const hasSd = header.length === 4;
  const observations: Observation[] = [];
  const firstRowOf = new Map<string, number>();
  lines.slice(1).forEach((line, index) => {
    const row = index + 2;
    if (line.trim() === '') return;
    const fields = splitCsvLine(line, source, row);
    if (fields.length !== header.length) {
      throw new CalibrationDataError(source, row, '(line)', line, `${header.length} fields (${headerText}), found ${fields.length}`);
    }
    const [measure, period, valueText, sdText] = fields as [string, string, string, string | undefined];
    if (!known.has(measure)) {
      const list = measures.length <= 12 ? measures.join(', ') : `${measures.slice(0, 12).join(', ')}, ...`;
      throw new CalibrationDataError(source, row, 'measure', measure, `a metric name (${list})`);
    }
    if (period === '') throw new CalibrationDataError(source, row, 'period', period, 'a non-empty period label: a school year such as 2023/24 (any label such as 2019 when the file has one period)');
    const key = `${measure}\u0000${period}`;
    const earlier = firstRowOf.get(key);
    if (earlier !== undefined) {
      throw new CalibrationDataError(source, row, 'period', period, `one row per (measure, period); ${measure} ${period} is already on row ${earlier}`);
    }
    firstRowOf.set(key, row);
    const observation: Observation = { measure, period, observed: parseValue(valueText, source, row), text: valueText, row };
    if (hasSd && sdText !== undefined && sdText !== '') {
      const sd = parseNumber(sdText);
      if (sd === null || !(sd > 0)) throw new CalibrationDataError(source, row, 'sd', sdText, 'a positive number, or empty');
      observation.sd = sd;
    }
    observations.push(observation);
  });
  if (observations.length === 0) throw new CalibrationDataError(source, 2, '(line)', '', 'at least one observation row');
  return observations;
}

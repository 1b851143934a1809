// Number formatting for the report. Written by hand rather than with toLocaleString so that the
// output does not depend on the machine's locale or ICU data: the same run gives the same bytes.
import type { MetricSummary } from './report-input.js';
import type { Unit } from './metric-labels.js';

const MINUS = '\u2212';
const EN_DASH = '\u2013';

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Fixed decimals, thousands separated by commas, a real minus sign; negative decimals round to tens, hundreds, ... */
export function formatNumber(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return String(value);
  const step = 10 ** -decimals;
  const fixed = decimals >= 0 ? Math.abs(value).toFixed(decimals) : (Math.round(Math.abs(value) / step) * step).toFixed(0);
  const [whole = '0', fraction] = fixed.split('.');
  const body = fraction === undefined ? groupThousands(whole) : `${groupThousands(whole)}.${fraction}`;
  const isZero = Number(fixed) === 0;
  return value < 0 && !isZero ? `${MINUS}${body}` : body;
}

/**
 * Decimals that show the estimate to the precision its CI supports: the CI half-width to one
 * significant digit, or two when that digit would be a 1 or 2 (rounding 0.14 to 0.1 loses a third
 * of it), at most 3 decimals. Money may round to tens of thousands (negative decimals): a cost
 * known to within EUR 80,000 printed to the euro claims a precision it does not have.
 */
export function decimalsFor(summary: MetricSummary, unit: Unit): number {
  const scale = unit === 'share' ? 100 : 1;
  const halfWidth = ((summary.ci95_high - summary.ci95_low) / 2) * scale;
  // No spread (every replication agreed, or n = 1): whole numbers print whole, the rest with 2 decimals.
  if (!(halfWidth > 0) || !Number.isFinite(halfWidth)) return unit === 'EUR' || Number.isInteger(summary.mean * scale) ? 0 : 2;
  const magnitude = Math.floor(Math.log10(halfWidth));
  const leading = Math.floor(Number((halfWidth / 10 ** magnitude).toFixed(9)));
  const decimals = Math.min(3, -magnitude + (leading < 3 ? 1 : 0));
  return unit === 'EUR' ? Math.min(0, decimals) : Math.max(0, decimals);
}

function scaled(value: number, unit: Unit): number {
  return unit === 'share' ? value * 100 : value;
}

function suffix(unit: Unit, isDifference: boolean): string {
  if (unit === 'share') return isDifference ? ' pp' : '%';
  return '';
}

/** An estimate and its interval as separate texts, so a table may break the line between them. */
export interface EstimateText {
  value: string;
  interval: string;
}

/** '118' and '(112–125)', or '62.0%' and '(58.1–65.9%)'. Shares are fractions in [0, 1] and print as percent. */
export function estimateParts(summary: MetricSummary, unit: Unit): EstimateText {
  const d = decimalsFor(summary, unit);
  const s = suffix(unit, false);
  const low = formatNumber(scaled(summary.ci95_low, unit), d);
  const high = formatNumber(scaled(summary.ci95_high, unit), d);
  return { value: `${formatNumber(scaled(summary.mean, unit), d)}${s}`, interval: `(${low}${EN_DASH}${high}${s})` };
}

/** '+12' and '(+4 to +20)': signed, and 'to' because a dash between negative numbers misreads. Shares in percentage points. */
export function differenceParts(summary: MetricSummary, unit: Unit): EstimateText {
  const d = decimalsFor(summary, unit);
  const s = suffix(unit, true);
  const signed = (v: number): string => {
    const text = formatNumber(scaled(v, unit), d);
    return text.startsWith(MINUS) || /^[0.,]+$/.test(text) ? text : `+${text}`;
  };
  return { value: `${signed(summary.mean)}${s}`, interval: `(${signed(summary.ci95_low)} to ${signed(summary.ci95_high)}${s})` };
}

/** True when the 95% CI lies wholly on one side of zero. */
export function excludesZero(summary: MetricSummary): boolean {
  return summary.ci95_low > 0 || summary.ci95_high < 0;
}

export function unitText(unit: Unit): string {
  return unit === 'share' ? '%' : unit;
}

/** Four significant digits, for parameter values and sensitivity tables where no CI sets the precision. */
export function formatPlain(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return formatNumber(value, 0);
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const decimals = Math.min(6, Math.max(0, 3 - magnitude));
  return formatNumber(Number(value.toFixed(decimals)), decimals).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
}

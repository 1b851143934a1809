// The projection's calendar: a scenario's `start` date labels the first measured school year, and dates in
// a timeline map to simulated weeks. A simulated year is 52 weeks, a calendar year 365 or 366 days, so a
// date is placed by whole school years since `start` (each anniversary falls on a whole 52-week year) plus
// the share of the year since the last anniversary: 2027-08-01 is exactly week 104 of a run measured from
// 2025-08-01, whatever leap days lie between.

/** The simulated clock's year: 52 weeks (the model's time unit is the week). */
export const WEEKS_PER_YEAR = 52;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export interface CalendarDate {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
}

/** Reads YYYY-MM-DD; null when the text is not a real calendar date (2025-02-30 is not). */
export function parseIsoDate(text: string): CalendarDate | null {
  const match = ISO_DATE.exec(text);
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const t = new Date(Date.UTC(year, month - 1, day));
  if (t.getUTCFullYear() !== year || t.getUTCMonth() !== month - 1 || t.getUTCDate() !== day) return null;
  return { year, month, day };
}

export function formatIsoDate(date: CalendarDate): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

function utc(date: CalendarDate, yearsLater = 0): number {
  return Date.UTC(date.year + yearsLater, date.month - 1, date.day);
}

function mustParse(text: string): CalendarDate {
  const date = parseIsoDate(text);
  if (date === null) throw new RangeError(`'${text}' is not a date (expected YYYY-MM-DD)`);
  return date;
}

/** Dutch school years start on 1 August (the leerplicht counts per school year, 004 6.1). */
export const SCHOOL_YEAR_START_MONTH = 8;

/** 1 August of the school year `today` falls in: the default `start` of a projection. */
export function currentSchoolYearStart(today: Date): string {
  const year = today.getUTCFullYear() - (today.getUTCMonth() + 1 < SCHOOL_YEAR_START_MONTH ? 1 : 0);
  return formatIsoDate({ year, month: SCHOOL_YEAR_START_MONTH, day: 1 });
}

/**
 * Weeks from `start` to `date` on the simulated clock; negative for a date before the start. Whole school
 * years count 52 weeks each; the rest of the way is the share of the calendar year since the anniversary.
 */
export function weeksFromStart(start: string, date: string): number {
  const s = mustParse(start);
  const t = utc(mustParse(date));
  let years = mustParse(date).year - s.year;
  while (utc(s, years) > t) years--;
  while (utc(s, years + 1) <= t) years++;
  const from = utc(s, years);
  const yearDays = (utc(s, years + 1) - from) / DAY_MS;
  return years * WEEKS_PER_YEAR + (((t - from) / DAY_MS) * WEEKS_PER_YEAR) / yearDays;
}

/** The label of the school year that begins `index` years after `start`: '2025/26'. */
export function schoolYearLabel(start: string, index: number): string {
  const s = mustParse(start);
  const first = s.year + index - (s.month < SCHOOL_YEAR_START_MONTH ? 1 : 0);
  return `${first}/${String((first + 1) % 100).padStart(2, '0')}`;
}

/** The labels of the measured school years of a run of `years` years from `start`. */
export function schoolYearLabels(start: string, years: number): string[] {
  return Array.from({ length: years }, (_, i) => schoolYearLabel(start, i));
}

/** The index of a school-year label ('2026/27') among the measured years from `start`; -1 if none. */
export function schoolYearIndex(start: string, years: number, label: string): number {
  return schoolYearLabels(start, years).indexOf(label);
}

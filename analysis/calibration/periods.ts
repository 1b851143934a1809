// Which simulated figure each observation is compared with.
//
// One period in the file (any label: `2019`, `2016/17`): every row is compared with the metric over
// all measured years of the scenario as given, the behaviour of single-period data since calibration
// began. Several periods: the file is a time series. Every period must then be a school-year label
// (`2023/24`); the calibration run starts on 1 August of the earliest, measures every school year up
// to the latest, and each row is compared with the model's figure for its own school year
// (ReplicationOutput.years). A gap year in the data is simulated but not compared.
import { schoolYearLabels, formatIsoDate, SCHOOL_YEAR_START_MONTH } from '../../scenarios/calendar.js';
import { scenarioSchema } from '../../scenarios/schema.js';
import { CalibrationDataError, type Observation } from './data.js';

/** A run measures at most this many school years (the scenario schema's limit on measuredYears). */
export const MAX_PERIOD_YEARS: number = scenarioSchema.shape.measuredYears.unwrap().maxValue ?? Infinity;

const SCHOOL_YEAR = /^(\d{4})\/(\d{2})$/;

/** The calendar year in which the school year labelled `2023/24` begins (2023); null for any other text. */
export function schoolYearBegin(label: string): number | null {
  const match = SCHOOL_YEAR.exec(label);
  if (match === null) return null;
  const first = Number(match[1]);
  return Number(match[2]) === (first + 1) % 100 ? first : null;
}

export type PeriodPlan =
  | { kind: 'single' }
  | {
      kind: 'school-years';
      /** ISO date: 1 August of the earliest period. */
      start: string;
      measuredYears: number;
      /** The measured school years of the run, in order: labels[i] is ReplicationOutput.years[i]. */
      labels: string[];
    };

/** The simulated series one observation is compared with: a metric over all measured years (year null) or in one school year. */
export interface Series {
  key: string;
  measure: string;
  /** Index into ReplicationOutput.years; null for the all-years metric. */
  year: number | null;
}

function periodError(source: string, observation: Observation, expected: string): CalibrationDataError {
  return new CalibrationDataError(source, observation.row, 'period', observation.period, expected);
}

/**
 * The run the observations call for. `source` names the data file in error messages, which name the
 * row, its period and what was expected.
 */
export function planPeriods(observations: readonly Observation[], source: string): PeriodPlan {
  const periods = new Set(observations.map((o) => o.period));
  if (periods.size <= 1) return { kind: 'single' };
  const listed = [...periods].slice(0, 3).join(', ');
  const begins = observations.map((observation) => {
    const begin = schoolYearBegin(observation.period);
    if (begin === null) {
      throw periodError(source, observation, `a school year such as 2023/24: the file has several periods (${listed}${periods.size > 3 ? ', ...' : ''}), so each is compared with its own school year of the run`);
    }
    return begin;
  });
  const first = Math.min(...begins);
  const last = Math.max(...begins);
  if (last - first + 1 > MAX_PERIOD_YEARS) {
    // Name the row that lies furthest from the earliest period: it is the one that cannot fit.
    const far = observations[begins.indexOf(last)]!;
    const earliest = observations[begins.indexOf(first)]!;
    const lastAllowed = schoolYearLabels(formatIsoDate({ year: first, month: SCHOOL_YEAR_START_MONTH, day: 1 }), MAX_PERIOD_YEARS).at(-1);
    throw periodError(source, far, `a school year from ${earliest.period} (row ${earliest.row}, the earliest) to ${lastAllowed}: a calibration run measures at most ${MAX_PERIOD_YEARS} school years`);
  }
  const start = formatIsoDate({ year: first, month: SCHOOL_YEAR_START_MONTH, day: 1 });
  const measuredYears = last - first + 1;
  return { kind: 'school-years', start, measuredYears, labels: schoolYearLabels(start, measuredYears) };
}

/** The series this observation is compared with under the plan. */
export function seriesOf(observation: Observation, plan: PeriodPlan): Series {
  if (plan.kind === 'single') return { key: observation.measure, measure: observation.measure, year: null };
  const year = plan.labels.indexOf(observation.period);
  if (year < 0) throw new RangeError(`seriesOf: period "${observation.period}" (row ${observation.row}) is not a school year of the run ${plan.labels[0]}..${plan.labels.at(-1)}`);
  return { key: `${observation.measure}@${observation.period}`, measure: observation.measure, year };
}

/** Every series the observations need, each once, in the order of first use. */
export function seriesList(observations: readonly Observation[], plan: PeriodPlan): Series[] {
  const byKey = new Map<string, Series>();
  for (const observation of observations) {
    const series = seriesOf(observation, plan);
    if (!byKey.has(series.key)) byKey.set(series.key, series);
  }
  return [...byKey.values()];
}

/** What a series is read from: one replication's metrics over all measured years and per school year. */
export interface PerYearMetrics {
  metrics: Readonly<Record<string, number | null>>;
  years?: ReadonlyArray<Readonly<Record<string, number | null>>>;
}

/** Each series' value per replication (null where a replication leaves it undefined), keyed by series key. */
export function seriesValues(outputs: readonly PerYearMetrics[], series: readonly Series[]): Record<string, Array<number | null>> {
  return Object.fromEntries(
    series.map((s) => [
      s.key,
      outputs.map((output, replication) => {
        if (s.year === null) return output.metrics[s.measure] ?? null;
        const year = output.years?.[s.year];
        if (year === undefined) {
          throw new RangeError(`seriesValues: replication ${replication} has ${output.years?.length ?? 0} measured years, but series "${s.key}" needs year ${s.year + 1}`);
        }
        return year[s.measure] ?? null;
      }),
    ]),
  );
}

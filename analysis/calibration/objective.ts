// Discrepancy between observations and simulated per-replication metrics, summed over observations.
// Each term is a squared standardised residual, so with sds given the total is chi-square-like
// (about -2 log likelihood plus a constant), which uncertainty.ts relies on.
//
// Scale of a term:
// - point with sd:     ((m - obs) / sqrt(sd^2 + se^2))^2, m the mean over replications and se its
//   standard error: simulation noise widens the tolerance instead of being chased.
// - point without sd:  the same with sd = relativeSd * |obs| (default 10%): an assumed measurement
//   error relative to the value, so measures in different units weigh alike. If that scale and se
//   are both 0 (obs = 0, no simulation spread) the scale is relativeSd in absolute units.
// - interval [low, high): 0 inside; outside ((distance to the nearest bound) / scale)^2, with scale
//   from sd if given, otherwise relativeSd * |nearest bound| combined with se as above.
// Which simulated series an observation is compared with (the all-years metric, or its own school
// year when the data has several periods) is periods.ts's choice, passed in as `seriesKey`.
// A measure the model leaves undefined (null in every replication) contributes +Infinity, so an
// optimiser moves away from points where the fit cannot be judged.
import { summarise } from '../statistics/summary.js';
import type { Observation } from './data.js';

export interface FitRow {
  measure: string;
  period: string;
  /** The observed cell as written in the data file (e.g. `12.5` or `<5`). */
  observed: string;
  observed_low: number;
  observed_high: number;
  simulated_mean: number;
  ci95_low: number;
  ci95_high: number;
  /** This observation's term of the objective. */
  contribution: number;
}

export interface ObjectiveResult {
  value: number;
  rows: FitRow[];
}

export interface ObjectiveOptions {
  /** Assumed relative sd of observations that give none; default 0.1. */
  relativeSd?: number;
  /** The key in `simulated` of an observation's series; default its measure (periods.ts seriesOf(...).key). */
  seriesKey?: (observation: Observation) => string;
}

function scaleOf(reference: number, sd: number | undefined, se: number, relativeSd: number): number {
  const measurement = sd ?? relativeSd * Math.abs(reference);
  const scale = Math.sqrt(measurement * measurement + se * se);
  return scale > 0 ? scale : relativeSd;
}

/**
 * simulated[key] holds a series' value per replication (null where undefined in that replication);
 * every observation's series must be present.
 */
export function evaluateObjective(
  observations: readonly Observation[],
  simulated: Readonly<Record<string, ReadonlyArray<number | null>>>,
  options: ObjectiveOptions = {},
): ObjectiveResult {
  const relativeSd = options.relativeSd ?? 0.1;
  if (!(relativeSd > 0)) throw new RangeError(`evaluateObjective: relativeSd must be a positive number, got ${relativeSd}`);
  const seriesKey = options.seriesKey ?? ((observation: Observation) => observation.measure);
  let value = 0;
  const rows = observations.map((observation): FitRow => {
    const key = seriesKey(observation);
    const replications = Object.hasOwn(simulated, key) ? simulated[key] : undefined;
    if (replications === undefined) {
      throw new RangeError(`evaluateObjective: no simulated values for ${key === observation.measure ? 'measure' : 'series'} "${key}" (row ${observation.row})`);
    }
    const summary = summarise(replications.filter((x): x is number => x !== null));
    const m = summary.mean;
    const se = summary.n > 0 ? summary.sd / Math.sqrt(summary.n) : NaN;
    const observed = observation.observed;
    const [low, high] = observed.kind === 'point' ? [observed.value, observed.value] : [observed.low, observed.high];
    let contribution: number;
    if (summary.n === 0) contribution = Infinity;
    else if (observed.kind === 'point') {
      contribution = ((m - observed.value) / scaleOf(observed.value, observation.sd, se, relativeSd)) ** 2;
    } else if (m < low) {
      contribution = ((low - m) / scaleOf(low, observation.sd, se, relativeSd)) ** 2;
    } else if (m > high) {
      contribution = ((m - high) / scaleOf(high, observation.sd, se, relativeSd)) ** 2;
    } else contribution = 0;
    value += contribution;
    return {
      measure: observation.measure,
      period: observation.period,
      observed: observation.text,
      observed_low: low,
      observed_high: high,
      simulated_mean: m,
      ci95_low: summary.ci95_low,
      ci95_high: summary.ci95_high,
      contribution,
    };
  });
  return { value, rows };
}

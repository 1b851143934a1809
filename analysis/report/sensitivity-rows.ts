// From the sensitivity analyses' results to the flat rows the report's chart and table read
// (column names documented on SensitivityInput).
import type { OatResult } from '../sensitivity/oat.js';
import type { MorrisEffect } from '../sensitivity/morris.js';
import type { SobolResult } from '../sensitivity/sobol.js';
import { summarise } from '../statistics/summary.js';

type Row = Record<string, number | string>;

export function oatRows(result: OatResult): Row[] {
  return result.effects.map((e) => ({
    path: e.path,
    low: e.low,
    high: e.high,
    outputAtLow: e.outputAtLow,
    outputAtHigh: e.outputAtHigh,
    swing: e.swing,
    baseOutput: result.baseOutput,
  }));
}

/** mu* with a t interval over the trajectories' absolute elementary effects (they are independent draws). */
export function morrisRows(effects: readonly MorrisEffect[]): Row[] {
  return effects.map((e) => {
    const ci = summarise(e.effects.map(Math.abs));
    return { path: e.path, muStar: e.muStar, muStar_ci95_low: ci.ci95_low, muStar_ci95_high: ci.ci95_high, mu: e.mu, sigma: e.sigma, trajectories: e.effects.length };
  });
}

export function sobolRows(result: SobolResult): Row[] {
  return result.indices.map((i) => ({
    path: i.path,
    S1: i.first.estimate,
    S1_ci95_low: i.first.ci95_low,
    S1_ci95_high: i.first.ci95_high,
    ST: i.total.estimate,
    ST_ci95_low: i.total.ci95_low,
    ST_ci95_high: i.total.ci95_high,
  }));
}

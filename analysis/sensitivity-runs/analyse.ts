// From the replications of every design point to sensitivity indices per metric. Each point's
// output is the mean of its replications; the analysis functions take them in design order.
import type { ReplicationOutput } from '../../sim/model/replication.js';
import { RandomStreams } from '../../sim/engine/random.js';
import { morrisRows, oatRows, sobolRows } from '../report/sensitivity-rows.js';
import { analyseMorris, designMorris } from '../sensitivity/morris.js';
import { analyseOat, designOat } from '../sensitivity/oat.js';
import { analyseSobol, designSobol } from '../sensitivity/sobol.js';
import type { SensitivityPlanOptions } from './plan.js';

export type SensitivityRow = Record<string, number | string>;

export function pointMeans(options: SensitivityPlanOptions, results: readonly ReplicationOutput[], metric: string): number[] {
  return options.points.map((_, p) => {
    const values = results
      .slice(p * options.replications, (p + 1) * options.replications)
      .map((r) => r.metrics[metric])
      .filter((v): v is number => v !== null && v !== undefined);
    if (values.length === 0) {
      throw new Error(`metric ${metric} is undefined in every replication of design point ${p}; expected a metric every run defines (pick another --metrics)`);
    }
    return values.reduce((a, b) => a + b, 0) / values.length;
  });
}

/** The design is rebuilt from the plan's own options (the same seeded stream), so it need not be stored. */
export function analyseMetric(options: SensitivityPlanOptions, outputs: readonly number[]): SensitivityRow[] {
  const designRng = () => new RandomStreams(options.seed, 0).stream('sensitivity.design');
  switch (options.method) {
    case 'oat': {
      // Each swing's ends are points of their own, so OAT reports the values that ran (rounded for
      // whole-number parameters) rather than the bounds asked for.
      const ran = options.ranges.map((r, i) => ({
        path: r.path,
        low: options.points[1 + 2 * i]?.[r.path] ?? r.low,
        high: options.points[2 + 2 * i]?.[r.path] ?? r.high,
      }));
      return oatRows(analyseOat(designOat(ran, options.points[0] ?? {}), outputs));
    }
    case 'morris':
      return morrisRows(analyseMorris(designMorris(options.ranges, options.samples, designRng()), outputs));
    case 'sobol': {
      const design = designSobol(options.ranges, options.samples, designRng());
      return sobolRows(analyseSobol(design, outputs, new RandomStreams(options.seed, 0).stream('sensitivity.bootstrap')));
    }
  }
}

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
      // Choices run at their first and last position; their rows name the choices.
      const ran = (at: number, r: (typeof options.ranges)[number], fallback: number): number => {
        const value = options.points[at]?.[r.path];
        return r.choices === undefined && typeof value === 'number' ? value : fallback;
      };
      const ranges = options.ranges.map((r, i) => ({ path: r.path, low: ran(1 + 2 * i, r, r.low), high: ran(2 + 2 * i, r, r.high) }));
      const base = Object.fromEntries(options.ranges.map((r) => [r.path, r.choices === undefined ? ran(0, r, r.low) : r.choices.findIndex((c) => c === options.points[0]?.[r.path])]));
      const choices = new Map(options.ranges.flatMap((r) => (r.choices === undefined ? [] : [[r.path, r.choices] as const])));
      return oatRows(analyseOat(designOat(ranges, base), outputs)).map((row) => {
        const named = choices.get(row['path'] as string);
        return named === undefined ? row : { ...row, low: String(named[0]), high: String(named[named.length - 1]) };
      });
    }
    case 'morris':
      return morrisRows(analyseMorris(designMorris(options.ranges, options.samples, designRng()), outputs));
    case 'sobol': {
      const design = designSobol(options.ranges, options.samples, designRng());
      return sobolRows(analyseSobol(design, outputs, new RandomStreams(options.seed, 0).stream('sensitivity.bootstrap')));
    }
  }
}

// Results read back from a work store (a resumed run, the shards a merge gathers) are untrusted like
// every file on disk: each must be a replication output of the shape this version writes, with one
// entry per measured school year of its scenario, before any of it reaches a summary or a file.
import { z } from 'zod';
import { metricNames } from '../../sim/model/metric-vocabulary.js';
import type { ReplicationOutput } from '../../sim/model/replication.js';
import type { WorkPlan } from '../execution/work-item.js';
import { zodProblems } from '../output/zod-problems.js';
import type { ReplicationShared, ReplicationTaskInput } from './plan.js';

const known: ReadonlySet<string> = new Set(metricNames());
// zod's number() refuses NaN and Infinity, which JSON cannot carry anyway.
const figures = z.record(z.string(), z.number().nullable());
const series = z.record(z.string().regex(/^[a-z][a-z0-9_.-]{0,99}$/, 'expected a series name'), z.array(z.number()));

const outputSchema = z.strictObject({
  metrics: figures,
  years: z.array(figures),
  weekly: series,
  histograms: series,
  events: z.number().int().min(0),
  episodes: z.number().int().min(0),
});

function sameKeys(a: object, b: object): boolean {
  const keys = Object.keys(a).sort();
  const others = Object.keys(b).sort();
  return keys.length === others.length && keys.every((key, i) => key === others[i]);
}

/**
 * Checks every result of a replication plan: its shape, and as many school years as its scenario
 * measures, each with the same metrics as the all-years figures. Throws naming the source, the item
 * and the field; returns the results typed.
 */
export function checkReplicationResults(plan: WorkPlan<ReplicationTaskInput>, results: readonly unknown[], source: string): ReplicationOutput[] {
  const shared = plan.shared as ReplicationShared;
  return plan.items.map((item, index) => {
    const where = `${source}: the result of work item '${item.id}'`;
    const parsed = outputSchema.safeParse(results[index]);
    if (!parsed.success) throw new Error(`${where} is not a replication output: ${zodProblems(parsed.error)}`);
    const output = parsed.data;
    const measured = (shared.scenarios[item.input.scenario] as { measuredYears?: unknown } | undefined)?.measuredYears;
    if (output.years.length !== measured) {
      throw new Error(`${where} has ${output.years.length} entries in years; expected one per measured school year of its scenario (${String(measured)})`);
    }
    const unknown = Object.keys(output.metrics).find((name) => !known.has(name));
    if (unknown !== undefined) throw new Error(`${where}: metrics holds ${JSON.stringify(unknown)}; expected only metrics of the model`);
    const wrong = output.years.findIndex((year) => !sameKeys(year, output.metrics));
    if (wrong >= 0) throw new Error(`${where}: years[${wrong}] holds other metrics than metrics; expected the same metric names in every year`);
    return output;
  });
}

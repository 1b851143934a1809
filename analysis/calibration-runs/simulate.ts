// One objective evaluation of a calibration: the scenario with the candidate values, run on the same
// R replication seeds at every point (common random numbers make the objective smooth enough for
// Nelder-Mead), giving each compared series' values over the replications (a metric over all
// measured years, or in one school year: periods.ts).
import type { Scenario } from '../../scenarios/schema.js';
import { withParams } from '../../scenarios/params.js';
import type { ReplicationOutput } from '../../sim/model/replication.js';
import { seriesValues, type Series } from '../calibration/periods.js';
import type { Executor } from '../execution/pool.js';
import { replicationShared, type ReplicationTaskInput } from '../scenario-runs/plan.js';
import type { ParamPoint } from '../sensitivity/parameters.js';

export interface Simulator {
  (point: Readonly<ParamPoint>): Promise<Record<string, Array<number | null>>>;
  runs: number;
}

export function createSimulator(
  base: Scenario,
  settings: { seed: number; replications: number; executor: Executor; series: readonly Series[] },
): Simulator {
  const simulate = (async (point: Readonly<ParamPoint>) => {
    const scenario = withParams(base, point);
    const items = Array.from({ length: settings.replications }, (_, replication) => ({
      id: `r${replication}`,
      input: { scenario: 0, replication } satisfies ReplicationTaskInput,
    }));
    const shared = replicationShared([scenario], { seed: settings.seed, episodes: false, metricsOnly: true });
    const outputs = await settings.executor.run<ReplicationTaskInput, ReplicationOutput>(items, shared);
    simulate.runs += outputs.length;
    return seriesValues(outputs, settings.series);
  }) as Simulator;
  simulate.runs = 0;
  return simulate;
}

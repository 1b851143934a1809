// One objective evaluation of a calibration: the scenario with the candidate values, run on the same
// R replication seeds at every point (common random numbers make the objective smooth enough for
// Nelder-Mead), giving each metric's values over the replications.
import type { Scenario } from '../../scenarios/schema.js';
import { withParams } from '../../scenarios/params.js';
import type { ReplicationOutput } from '../../sim/model/replication.js';
import type { Executor } from '../execution/pool.js';
import { replicationShared, type ReplicationTaskInput } from '../scenario-runs/plan.js';
import type { ParamPoint } from '../sensitivity/parameters.js';

export interface Simulator {
  (point: Readonly<ParamPoint>): Promise<Record<string, Array<number | null>>>;
  runs: number;
}

export function createSimulator(
  base: Scenario,
  settings: { seed: number; replications: number; executor: Executor; measures: readonly string[] },
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
    return Object.fromEntries(settings.measures.map((m) => [m, outputs.map((o) => o.metrics[m] ?? null)]));
  }) as Simulator;
  simulate.runs = 0;
  return simulate;
}

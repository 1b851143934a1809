// A decomposition as work items: every coalition of the package's components runs with the same R
// replication seeds (common random numbers across coalitions, so the differences between coalitions
// are the components' doing and not the children's luck).
import type { LoadedScenario } from '../../scenarios/load.js';
import type { Scenario } from '../../scenarios/schema.js';
import { RandomStreams } from '../../sim/engine/random.js';
import { createPlan, type WorkPlan } from '../execution/work-item.js';
import { replicationShared, type ReplicationTaskInput } from '../scenario-runs/plan.js';
import type { Component } from './components.js';
import { designDecomposition } from './design.js';
import { withValues } from './scenario-values.js';

export interface PlannedScenarioInfo {
  name: string;
  description: string;
  sha256: string;
  stated: unknown;
}

export interface DecompositionPlanOptions {
  package: PlannedScenarioInfo;
  reference: PlannedScenarioInfo;
  /** The reference as resolved: the report lists its parameters. */
  base: Scenario;
  components: Component[];
  method: 'exact' | 'sampled';
  coalitions: string[];
  orders: number[][];
  replications: number;
  seed: number;
  metrics: string[];
}

function info(loaded: LoadedScenario): PlannedScenarioInfo {
  return { name: loaded.name, description: loaded.scenario.description, sha256: loaded.sha256, stated: loaded.stated };
}

/** The reference with the changes of the components switched on ('1' in the key) set to the package's values. */
export function coalitionScenario(reference: Scenario, components: readonly Component[], key: string): Scenario {
  const on = components.filter((_, i) => key[i] === '1');
  try {
    return withValues(reference, on.flatMap((c) => c.changes.map((change) => change.package)));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const names = on.map((c) => c.name).join(' + ');
    throw new Error(`the coalition ${names} is not a valid scenario (${reason}); expected every combination of components to be valid: group the changes that only make sense together with --component name=path1,path2`);
  }
}

export function planDecomposition(
  reference: LoadedScenario,
  pkg: LoadedScenario,
  components: Component[],
  settings: { orders: number; replications: number; seed: number; metrics: string[] },
): WorkPlan<ReplicationTaskInput> {
  const design = designDecomposition(components.length, settings.orders, new RandomStreams(settings.seed, 0).stream('decomposition.orders'));
  const scenarios = design.coalitions.map((key) => coalitionScenario(reference.scenario, components, key));
  const options: DecompositionPlanOptions = {
    package: info(pkg),
    reference: info(reference),
    base: reference.scenario,
    components,
    method: design.method,
    coalitions: design.coalitions,
    orders: design.orders,
    replications: settings.replications,
    seed: settings.seed,
    metrics: settings.metrics,
  };
  const items = scenarios.flatMap((_, c) =>
    Array.from({ length: settings.replications }, (__, replication): { id: string; input: ReplicationTaskInput } => ({
      id: `c${String(c).padStart(5, '0')}-r${String(replication).padStart(5, '0')}`,
      input: { scenario: c, replication },
    })),
  );
  return createPlan('decompose', options, items, replicationShared(scenarios, { seed: settings.seed, episodes: false, metricsOnly: true }));
}

// Running scenarios is planned as one work item per (scenario, replication). Every scenario gets
// the same replication seeds, so scenarios compared in one plan share their random numbers.
import type { LoadedScenario } from '../../scenarios/load.js';
import type { Scenario } from '../../scenarios/schema.js';
import { createPlan, type WorkPlan } from '../execution/work-item.js';

export interface ReplicationTaskInput {
  scenario: Scenario;
  seed: number;
  replication: number;
  /** File, relative to the results store, that receives this replication's episode rows; null for none. */
  episodesFile: string | null;
  /** Keep only the metrics (sensitivity and calibration need no weekly series). */
  metricsOnly?: boolean;
}

export interface PlannedScenario {
  name: string;
  description: string;
  sha256: string;
  stated: unknown;
}

export interface ScenarioRunOptions {
  scenarios: PlannedScenario[];
  seed: number;
  replications: number;
  episodes: boolean;
}

function replicationItemId(scenarioIndex: number, replication: number): string {
  return `s${String(scenarioIndex).padStart(2, '0')}-r${String(replication).padStart(5, '0')}`;
}

export function planScenarioRuns(
  kind: 'run' | 'compare',
  loaded: readonly LoadedScenario[],
  settings: { seed: number; replications: number; episodes: boolean },
): WorkPlan<ReplicationTaskInput> {
  const options: ScenarioRunOptions = {
    scenarios: loaded.map((l) => ({ name: l.name, description: l.scenario.description, sha256: l.sha256, stated: l.stated })),
    seed: settings.seed,
    replications: settings.replications,
    episodes: settings.episodes,
  };
  const items = loaded.flatMap((l, s) =>
    Array.from({ length: settings.replications }, (_, replication) => {
      const id = replicationItemId(s, replication);
      return {
        id,
        input: {
          scenario: l.scenario,
          seed: settings.seed,
          replication,
          episodesFile: settings.episodes ? `episodes/${id}.csv` : null,
        },
      };
    }),
  );
  return createPlan(kind, options, items);
}

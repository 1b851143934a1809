// The files `thuiszit run` writes from a plan's results: the same bytes for the same plan, however
// many workers or shards produced the results.
import type { ReplicationOutput } from '../../sim/model/replication.js';
import { csvTable } from '../output/csv.js';
import { stableJson } from '../output/json.js';
import { presentMetricNames, metricValues, type ScenarioAggregate } from './aggregate.js';
import type { ScenarioRunOptions } from './plan.js';
import { yearlyCsv } from './yearly-csv.js';

export function runOutputs(
  options: ScenarioRunOptions,
  outputs: readonly ReplicationOutput[],
  aggregate: ScenarioAggregate,
): Map<string, string> {
  const scenario = options.scenarios[0];
  if (scenario === undefined) throw new Error('a run plan names no scenario; expected exactly one');
  const summary = {
    scenario: scenario.name,
    scenario_sha256: scenario.sha256,
    seed: options.seed,
    replications: options.replications,
    metrics: aggregate.metrics,
    years: aggregate.years,
  };
  const replicationRows = presentMetricNames(outputs).flatMap((metric) =>
    metricValues(outputs, metric).map((value, replication) => [replication, metric, value] as const),
  );
  replicationRows.sort((a, b) => a[0] - b[0]);
  return new Map<string, string>([
    ['summary.json', stableJson(summary)],
    ['yearly.csv', yearlyCsv([{ planned: scenario, aggregate }])],
    ['replications.csv', csvTable(['replication', 'metric', 'value'], replicationRows)],
    [
      'weekly.csv',
      csvTable(
        ['week', 'metric', 'mean', 'ci95_low', 'ci95_high'],
        aggregate.weekly.map((r) => [r.week, r.metric, r.mean, r.ci95_low, r.ci95_high]),
      ),
    ],
  ]);
}

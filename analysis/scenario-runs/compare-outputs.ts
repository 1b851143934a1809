// The files `thuiszit compare` writes: every scenario's metrics, and each scenario's difference from
// the first one paired replication by replication (the scenarios share their random numbers, so the
// paired difference is far tighter than the difference of two independent means).
import type { ReplicationOutput } from '../../sim/model/replication.js';
import { csvTable } from '../output/csv.js';
import { stableJson } from '../output/json.js';
import { pairedDifference, type MetricSummary } from '../statistics/summary.js';
import { aggregateScenario, presentMetricNames, metricValues, type ScenarioAggregate } from './aggregate.js';
import type { PlannedScenario, ScenarioRunOptions } from './plan.js';

export interface ComparedScenario {
  planned: PlannedScenario;
  aggregate: ScenarioAggregate;
  /** Paired difference against the first scenario; null for the first itself. */
  difference: Record<string, MetricSummary> | null;
}

function pairedDifferences(
  outputs: readonly ReplicationOutput[],
  reference: readonly ReplicationOutput[],
): Record<string, MetricSummary> {
  const differences: Record<string, MetricSummary> = {};
  for (const metric of presentMetricNames([...outputs, ...reference])) {
    const a = metricValues(outputs, metric);
    const b = metricValues(reference, metric);
    const pairs = a.flatMap((value, i) => {
      const other = b[i];
      return value === null || other === null || other === undefined ? [] : [[value, other] as const];
    });
    differences[metric] = pairedDifference(
      pairs.map((p) => p[0]),
      pairs.map((p) => p[1]),
    );
  }
  return differences;
}

/** Splits a compare plan's results (scenario-major order) into one block per scenario. */
export function compareScenarios(options: ScenarioRunOptions, results: readonly ReplicationOutput[]): ComparedScenario[] {
  const blocks = options.scenarios.map((_, s) => results.slice(s * options.replications, (s + 1) * options.replications));
  const reference = blocks[0] ?? [];
  return options.scenarios.map((planned, s) => {
    const block = blocks[s] ?? [];
    return { planned, aggregate: aggregateScenario(block), difference: s === 0 ? null : pairedDifferences(block, reference) };
  });
}

export function compareOutputs(options: ScenarioRunOptions, compared: readonly ComparedScenario[]): Map<string, string> {
  const reference = compared[0]?.planned.name ?? '';
  const comparison = {
    seed: options.seed,
    replications: options.replications,
    reference,
    scenarios: compared.map((c) => ({
      scenario: c.planned.name,
      scenario_sha256: c.planned.sha256,
      metrics: c.aggregate.metrics,
      difference_vs_reference: c.difference,
    })),
  };
  const rows = compared.flatMap((c) =>
    Object.entries(c.aggregate.metrics).map(([metric, m]) => {
      const d = c.difference?.[metric];
      return [
        c.planned.name, metric, m.mean, m.sd, m.ci95_low, m.ci95_high, m.n,
        d?.mean ?? null, d?.sd ?? null, d?.ci95_low ?? null, d?.ci95_high ?? null,
      ];
    }),
  );
  return new Map([
    ['comparison.json', stableJson(comparison)],
    [
      'comparison.csv',
      csvTable(
        // The same figures as comparison.json, named as there (diff_ for difference_vs_reference).
        ['scenario', 'metric', 'mean', 'sd', 'ci95_low', 'ci95_high', 'n', 'diff_vs_reference', 'diff_sd', 'diff_ci95_low', 'diff_ci95_high'],
        rows,
      ),
    ],
  ]);
}

// Writes a decomposition's outputs from its results: decomposition.json and .csv with every
// component's effects per metric, coalitions.csv with every coalition's mean per metric. Shared by
// the command and merge, so a merged decomposition is the bytes a single run writes.
import type { ReplicationOutput } from '../../sim/model/replication.js';
import { csvTable } from '../output/csv.js';
import { stableJson } from '../output/json.js';
import { writeFiles } from '../output/write-files.js';
import type { MetricSummary } from '../statistics/summary.js';
import { EXACT_MAX_COMPONENTS } from './design.js';
import type { DecompositionPlanOptions } from './plan.js';
import { analyseDecomposition, type MetricDecomposition } from './shapley.js';

export interface DecompositionOutcome {
  files: string[];
  metrics: Record<string, MetricDecomposition>;
}

/** values[c][r] of one metric; the results are in plan order, coalition by coalition. */
export function coalitionValues(options: DecompositionPlanOptions, results: readonly ReplicationOutput[], metric: string): Array<Array<number | null>> {
  return options.coalitions.map((_, c) =>
    results.slice(c * options.replications, (c + 1) * options.replications).map((r) => {
      const value = r.metrics[metric];
      return typeof value === 'number' ? value : null;
    }),
  );
}

export const DEFINITIONS = {
  total: 'the package minus the reference, paired by replication',
  shapley: 'mean over all orders of switching the components on of what this component adds; the components\u2019 values add up to the total',
  alone: 'this component switched on alone, minus the reference',
  leave_one_out: 'the package minus the package without this component',
  interaction: 'per component: shapley minus alone (what it adds through acting together with others); for the package: total minus the sum of the alone effects',
  ci: 't interval over the replications (each replication\u2019s coalitions share their random numbers); with sampled orders the orders\u2019 own spread is added to the standard error',
  components: `changes grouped by their first two path segments unless --component groups them; every coalition runs up to ${EXACT_MAX_COMPONENTS} components, random orders (each also reversed) beyond`,
};

/** A value one side does not state at all is left out of its change (null is a value some fields take). */
function stated(value: { found: boolean; value: unknown }): unknown {
  return value.found ? value.value : undefined;
}

function csvRows(metric: string, names: readonly string[], result: MetricDecomposition): Array<Array<string | number | null>> {
  const row = (component: string, measure: string, s: MetricSummary) => [metric, component, measure, s.mean, s.ci95_low, s.ci95_high, s.n];
  return [
    row('(package)', 'total', result.total),
    row('(package)', 'sum_alone', result.sum_alone),
    row('(package)', 'interaction', result.interaction),
    ...result.components.flatMap((c, i) => {
      const name = names[i]!;
      return [row(name, 'shapley', c.shapley), row(name, 'alone', c.alone), row(name, 'leave_one_out', c.leave_one_out), row(name, 'interaction', c.interaction)];
    }),
  ];
}

export function finalizeDecomposition(options: DecompositionPlanOptions, results: readonly ReplicationOutput[], out: string): DecompositionOutcome {
  const values = Object.fromEntries(options.metrics.map((m) => [m, coalitionValues(options, results, m)]));
  const design = { components: options.components.length, method: options.method, coalitions: options.coalitions, orders: options.orders };
  const metrics = Object.fromEntries(options.metrics.map((m) => [m, analyseDecomposition(design, values[m]!)]));
  const names = options.components.map((c) => c.name);
  const json = stableJson({
    package: options.package.name,
    package_sha256: options.package.sha256,
    reference: options.reference.name,
    reference_sha256: options.reference.sha256,
    seed: options.seed,
    replications: options.replications,
    method: options.method,
    orders: options.orders.length,
    coalitions: options.coalitions.length,
    components: options.components.map((c) => ({ name: c.name, changes: c.changes.map((change) => ({ path: change.path, reference: stated(change.reference), package: stated(change.package) })) })),
    definitions: DEFINITIONS,
    metrics: Object.fromEntries(
      options.metrics.map((m) => {
        const r = metrics[m]!;
        return [m, { ...r, components: r.components.map((c, i) => ({ component: names[i], ...c })) }];
      }),
    ),
  });
  const mean = (row: ReadonlyArray<number | null>): number | null => {
    const defined = row.filter((v): v is number => v !== null);
    return defined.length === 0 ? null : defined.reduce((a, b) => a + b, 0) / defined.length;
  };
  const coalitionsCsv = csvTable(
    ['coalition', 'components_on', ...options.metrics],
    options.coalitions.map((key, c) => [key, names.filter((_, i) => key[i] === '1').join('+'), ...options.metrics.map((m) => mean(values[m]![c]!))]),
  );
  const files = new Map([
    ['decomposition.json', json],
    ['decomposition.csv', csvTable(['metric', 'component', 'measure', 'mean', 'ci95_low', 'ci95_high', 'n'], options.metrics.flatMap((m) => csvRows(m, names, metrics[m]!)))],
    ['coalitions.csv', coalitionsCsv],
  ]);
  return { files: writeFiles(out, files), metrics };
}

// The files `thuiszit compare` writes: every scenario's metrics, and each scenario's difference from
// the first one paired replication by replication, over all measured years and per school year, with
// the cumulative cost figures (cumulative-costs.ts) beside them.
import type { ReplicationOutput } from '../../sim/model/replication.js';
import { csvTable } from '../output/csv.js';
import { stableJson } from '../output/json.js';
import type { MetricSummary } from '../statistics/summary.js';
import { aggregateScenario, type ScenarioAggregate } from './aggregate.js';
import { cumulativeCosts } from './cumulative-costs.js';
import { compareFigures, pairedDifferences, yearDifferences, type Differences, type FigureComparison } from './paired-figures.js';
import type { PlannedScenario, ScenarioRunOptions } from './plan.js';
import { yearlyCsv } from './yearly-csv.js';

export interface ComparedScenario {
  planned: PlannedScenario;
  aggregate: ScenarioAggregate;
  /** Paired difference against the first scenario; null for the first itself. */
  difference: Differences | null;
  /** Per school year of aggregate.years: the paired difference against the reference's year of that label (null: none). */
  yearDifferences: Array<Differences | null>;
  /** Cumulative cost and cost per child back within 13 weeks, with their paired differences. */
  costs: FigureComparison;
}

/** Splits a plan's results (scenario-major order) into one block of replications per scenario. */
export function scenarioBlocks(options: ScenarioRunOptions, results: readonly ReplicationOutput[]): ReplicationOutput[][] {
  return options.scenarios.map((_, s) => results.slice(s * options.replications, (s + 1) * options.replications));
}

export function compareScenarios(options: ScenarioRunOptions, results: readonly ReplicationOutput[]): ComparedScenario[] {
  const blocks = scenarioBlocks(options, results);
  const reference = { outputs: blocks[0] ?? [], labels: options.scenarios[0]?.years ?? [] };
  const referenceCosts = { figures: reference.outputs.map(cumulativeCosts), labels: reference.labels };
  return options.scenarios.map((planned, s) => {
    const block = blocks[s] ?? [];
    const isReference = s === 0;
    return {
      planned,
      aggregate: aggregateScenario(block, planned.years),
      difference: isReference ? null : pairedDifferences(block, reference.outputs),
      yearDifferences: isReference ? planned.years.map(() => null) : yearDifferences(block, planned.years, reference.outputs, reference.labels),
      costs: isReference ? compareFigures(referenceCosts, null) : compareFigures({ figures: block.map(cumulativeCosts), labels: planned.years }, referenceCosts),
    };
  });
}

type CsvRow = Array<string | number | null>;

/** One CSV row per metric: the scenario, the school year ('' for all measured years), summary and difference. */
function rowsOf(scenario: string, year: string, metrics: Record<string, MetricSummary>, difference: Differences | null): CsvRow[] {
  return Object.entries(metrics).map(([metric, m]) => {
    const d = difference?.[metric];
    return [scenario, year, metric, m.mean, m.sd, m.ci95_low, m.ci95_high, m.n, d?.mean ?? null, d?.sd ?? null, d?.ci95_low ?? null, d?.ci95_high ?? null];
  });
}

function comparisonRows(c: ComparedScenario): CsvRow[] {
  const name = c.planned.name;
  return [
    ...rowsOf(name, '', c.aggregate.metrics, c.difference),
    ...rowsOf(name, '', c.costs.metrics, c.costs.difference_vs_reference),
    ...c.aggregate.years.flatMap((year, i) => [
      ...rowsOf(name, year.label, year.metrics, c.yearDifferences[i] ?? null),
      ...rowsOf(name, year.label, c.costs.years[i]?.metrics ?? {}, c.costs.years[i]?.difference_vs_reference ?? null),
    ]),
  ];
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
      years: c.aggregate.years.map((year, i) => ({ label: year.label, metrics: year.metrics, difference_vs_reference: c.yearDifferences[i] ?? null })),
      cumulative_costs: c.costs,
    })),
  };
  return new Map([
    ['comparison.json', stableJson(comparison)],
    [
      'comparison.csv',
      csvTable(
        // The same figures as comparison.json, named as there (diff_ for difference_vs_reference);
        // year is empty for the figure over all measured years.
        ['scenario', 'year', 'metric', 'mean', 'sd', 'ci95_low', 'ci95_high', 'n', 'diff_vs_reference', 'diff_sd', 'diff_ci95_low', 'diff_ci95_high'],
        compared.flatMap(comparisonRows),
      ),
    ],
    ['yearly.csv', yearlyCsv(compared)],
  ]);
}

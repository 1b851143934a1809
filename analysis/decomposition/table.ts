// The decomposition as the terminal shows it: per metric the package's effect, then one line per
// component with its Shapley value, its share of the effect, and the effects it is built from.
import { alignedTable, figure } from '../commands/text-table.js';
import type { MetricSummary } from '../statistics/summary.js';
import type { MetricDecomposition } from './shapley.js';

function withCi(s: MetricSummary): string {
  if (s.n === 0) return '-';
  if (s.n === 1) return figure(s.mean);
  return `${figure(s.mean)} ±${figure((s.ci95_high - s.ci95_low) / 2)}`;
}

function share(value: number | null): string {
  return value === null ? '-' : `${Math.round(value * 100)}%`;
}

export function decompositionTable(names: readonly string[], metrics: Readonly<Record<string, MetricDecomposition>>): string {
  const header = ['component', 'Shapley', 'share', 'alone', 'leave-one-out', 'interaction'];
  return Object.entries(metrics)
    .map(([metric, d]) => {
      const rows = d.components.map((c, i) => [names[i] ?? '', withCi(c.shapley), share(c.share_of_total), withCi(c.alone), withCi(c.leave_one_out), withCi(c.interaction)]);
      rows.push(['package (total)', withCi(d.total), d.total.n === 0 ? '-' : '100%', `sum ${withCi(d.sum_alone)}`, '', withCi(d.interaction)]);
      return `${metric}: package effect ${withCi(d.total)} (${d.replications} replications)\n${alignedTable(header, rows)}`;
    })
    .join('\n');
}

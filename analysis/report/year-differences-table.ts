// The per-year differences of a projection: for each scenario after the reference, one table with a
// row per headline figure and a column per school year, each cell the paired difference in that year
// with its 95% CI. A policy that starts in 2027 shows as zeros before 2027 and a difference after.
import type { ScenarioReport } from './report-input.js';
import { escapeHtml } from './escape-html.js';
import { differenceHtml } from './estimate-html.js';
import { unitText } from './format.js';
import { metricLabel } from './metric-labels.js';
import { scrollableTable } from './table-wrap.js';
import type { MetricSummary } from '../statistics/summary.js';

function cell(difference: MetricSummary | undefined, metric: string): string {
  // n = 0 (no replication defined the figure that year) was stored as nulls.
  if (difference === undefined || difference.n === 0 || !Number.isFinite(difference.mean)) return '<td class="num missing">&ndash;</td>';
  return `<td class="num">${differenceHtml(difference, metricLabel(metric).unit)}</td>`;
}

function scenarioTable(scenario: ScenarioReport, reference: string, metrics: readonly string[]): string {
  const years = scenario.years ?? [];
  const head = years.map((y) => `<th scope="col">${escapeHtml(y.label)}</th>`).join('');
  const rows = metrics
    .filter((m) => years.some((y) => y.difference?.[m] !== undefined))
    .map((m) => {
      const { label, unit } = metricLabel(m);
      return `<tr><th scope="row">${escapeHtml(label)} <span class="unit">(${escapeHtml(unitText(unit))})</span></th>${years.map((y) => cell(y.difference?.[m], m)).join('')}</tr>`;
    });
  return `<h3>${escapeHtml(scenario.name)} minus ${escapeHtml(reference)}, per school year</h3>
${scrollableTable(`${scenario.name} minus ${reference}, per school year`, `<table class="headline"><caption>Paired difference from ${escapeHtml(reference)} in each school year, with its 95% CI; <span class="diff sig">bold on yellow</span> where that interval excludes zero. Shares in percentage points (pp).</caption>
<thead><tr><th scope="col">Figure</th>${head}</tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`)}`;
}

/** One table per compared scenario that has per-year differences; '' when there is none. */
export function yearDifferencesTables(scenarios: readonly ScenarioReport[], metrics: readonly string[]): string {
  const reference = scenarios[0]?.name ?? '';
  return scenarios
    .slice(1)
    .filter((s) => (s.years ?? []).some((y) => y.difference !== null))
    .map((s) => scenarioTable(s, reference, metrics))
    .join('\n');
}

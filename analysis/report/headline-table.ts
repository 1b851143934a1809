// The headline table: one row per headline figure, one column per scenario, each cell the mean
// with its 95% CI and, for every scenario after the first, the paired difference from the first.
import type { ScenarioReport } from './report-input.js';
import { escapeHtml } from './escape-html.js';
import { unitText } from './format.js';
import { differenceHtml, estimateHtml } from './estimate-html.js';
import { HEADLINE_METRICS, metricLabel } from './metric-labels.js';

// Where the national goal (no child at home longer than 13 weeks without a fitting offer) puts a
// target on a figure. share_offer_within_13_weeks is its measure, and the weeks to an offer follow
// from it. The over-13-weeks counts get none: they count time at home up to attendance, so a child
// with an offer in time but still at home counts there while meeting the goal.
const goals: Readonly<Record<string, string>> = {
  share_offer_within_13_weeks: '100%',
  median_weeks_to_offer: '\u2264 13 weeks',
  p90_weeks_to_offer: '\u2264 13 weeks',
};

function cell(scenario: ScenarioReport, metric: string, replications: number): string {
  const summary = scenario.metrics[metric];
  const { unit } = metricLabel(metric);
  if (summary === undefined) return '<td class="num missing">not reported</td>';
  // A quantile that fell among episodes still open at the end of follow-up is undefined in that
  // replication; the mean over the others leans low, so the cell says how many it rests on.
  const partial = summary.n < replications ? ` <span class="partial" title="defined in ${summary.n} of ${replications} replications">*${summary.n}/${replications}</span>` : '';
  const estimate = `<span class="estimate">${estimateHtml(summary, unit)}${partial}</span>`;
  const difference = scenario.difference?.[metric];
  if (difference === undefined) return `<td class="num">${estimate}</td>`;
  return `<td class="num">${estimate}<br>${differenceHtml(difference, unit)}</td>`;
}

function headlineMetrics(scenarios: readonly ScenarioReport[]): string[] {
  return HEADLINE_METRICS.filter((m) => scenarios.some((s) => s.metrics[m] !== undefined));
}

export function headlineTable(scenarios: readonly ScenarioReport[], replications: number): string {
  const reference = scenarios[0]?.name ?? '';
  const head = scenarios.map((s, i) => `<th scope="col">${escapeHtml(s.name)}${i === 0 ? '<br><span class="note">reference</span>' : ''}</th>`).join('');
  const body = headlineMetrics(scenarios)
    .map((metric) => {
      const { label, unit } = metricLabel(metric);
      const goal = goals[metric] ?? '';
      return `<tr><th scope="row">${escapeHtml(label)} <span class="unit">(${escapeHtml(unitText(unit))})</span></th><td class="goal">${escapeHtml(goal)}</td>${scenarios.map((s) => cell(s, metric, replications)).join('')}</tr>`;
    })
    .join('\n');
  const anyPartial = headlineMetrics(scenarios).some((m) => scenarios.some((s) => (s.metrics[m]?.n ?? replications) < replications));
  const partialNote = !anyPartial ? '' : ' <span class="partial">*n/N</span>: defined in only n of the N replications (the rest still had the quantile\'s episodes open at the end of follow-up), so the mean leans low.';
  const legend =
    (scenarios.length > 1
      ? `Each cell: mean (95% CI). Second line: difference from ${escapeHtml(reference)}, paired on common random numbers, with its 95% CI; <span class="diff sig">bold on yellow</span> where that interval excludes zero. Shares in percent, their differences in percentage points (pp).`
      : 'Each cell: mean (95% CI). Shares in percent.') + partialNote;
  return `<div class="table-wrap"><table class="headline">
<caption>${legend}</caption>
<thead><tr><th scope="col">Figure</th><th scope="col">National goal</th>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table></div>`;
}

// The goal table: for each goal (the national one by default, a scenario's own, or one given on the
// command line), per scenario the first school year in which the goal holds in at least 80% and at
// least 95% of the replications, then the share of replications meeting it in each year.
import type { GoalReport, GoalTarget } from './projection-input.js';
import { escapeHtml } from './escape-html.js';
import { formatNumber, formatPlain } from './format.js';
import { metricLabel, type Unit } from './metric-labels.js';
import { scrollableTable } from './table-wrap.js';

const NOT_MET = 'not within the projection';

const SOURCES: Readonly<Record<GoalReport['source'], string>> = {
  default: 'the national goal, checked by default',
  scenario: 'set in the scenario file',
  option: 'given on the command line',
};

function targetText(target: GoalTarget, unit: Unit): string {
  if (target.kind === 'relative') {
    const percent = formatPlain(target.change * 100);
    return `${target.change > 0 ? '+' : ''}${percent.replace('-', '\u2212')}% against ${target.reference}`;
  }
  return unit === 'share' ? `${formatPlain(target.value * 100)}%` : `${formatPlain(target.value).replace('-', '\u2212')} ${unit}`;
}

/** 'At home > 13 weeks (legal definition) ≤ 0 pupils': the goal in words, the metric by its label. */
export function goalText(goal: Pick<GoalReport, 'metric' | 'operator' | 'target'>): string {
  const { label, unit } = metricLabel(goal.metric);
  return `${label} ${goal.operator === '<=' ? '\u2264' : '\u2265'} ${targetText(goal.target, unit)}`;
}

function percent(value: number): string {
  return formatNumber(value * 100, 0);
}

function shareCell(year: GoalReport['scenarios'][number]['years'][number] | undefined): string {
  // A year the scenario does not measure (scenarios may cover different years), or one without replications.
  if (year === undefined || year.share === null || year.n === 0) return '<td class="num missing">&ndash;</td>';
  const interval = year.ci95_low === null || year.ci95_high === null ? '' : ` <span class="nw diff">(${percent(year.ci95_low)}\u2013${percent(year.ci95_high)}%)</span>`;
  return `<td class="num"><span class="nw">${percent(year.share)}%</span>${interval}</td>`;
}

function firstYearCell(label: string | null): string {
  return label === null ? `<td class="missing">${NOT_MET}</td>` : `<td><strong>${escapeHtml(label)}</strong></td>`;
}

function goalSection(goal: GoalReport, labels: readonly string[]): string {
  const head = labels.map((l) => `<th scope="col">${escapeHtml(l)}</th>`).join('');
  const rows = goal.scenarios.map(
    (s) => `<tr><th scope="row">${escapeHtml(s.scenario)}</th>${firstYearCell(s.first_year_80)}${firstYearCell(s.first_year_95)}${labels.map((l) => shareCell(s.years.find((y) => y.label === l))).join('')}</tr>`,
  );
  return `<h3>${escapeHtml(goalText(goal))}</h3>
<p class="note">Goal <code>${escapeHtml(goal.goal)}</code>, ${SOURCES[goal.source]}.</p>
${scrollableTable(`Goal: ${goalText(goal)}`, `<table class="headline"><caption>First school year in which the goal holds in at least 80% and at least 95% of the replications (\u201c${NOT_MET}\u201d: in no measured year), then per year the share of replications in which it holds, with its 95% confidence interval (Wilson).</caption>
<thead><tr><th scope="col">Scenario</th><th scope="col">First year met in \u2265 80% of replications</th><th scope="col">First year met in \u2265 95%</th>${head}</tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`)}`;
}

export function goalTables(goals: readonly GoalReport[], labels: readonly string[]): string {
  return goals.map((g) => goalSection(g, labels)).join('\n');
}

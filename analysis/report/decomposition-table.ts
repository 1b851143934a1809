// The decomposition's figures as tables, one per metric: what each component carries of the
// package's effect, and what it does alone, left out and through interaction.
import type { MetricSummary } from '../statistics/summary.js';
import { escapeHtml } from './escape-html.js';
import { differenceParts } from './format.js';
import { metricLabel, type Unit } from './metric-labels.js';
import type { DecompositionInput } from './report-input.js';

function cell(summary: MetricSummary, unit: Unit): string {
  if (summary.n === 0) return '<td class="num">&ndash;</td>';
  const parts = differenceParts(summary, unit);
  return `<td class="num"><span class="nw">${escapeHtml(parts.value)}</span><br><span class="nw diff">${escapeHtml(parts.interval)}</span></td>`;
}

export function decompositionTables(input: DecompositionInput): string {
  const names = input.components.map((c) => c.name);
  const method = input.method === 'exact' ? 'every coalition of the components was run, so the Shapley values are exact up to replication noise' : 'random orders of switching the components on were run (each also reversed); their spread is part of the confidence intervals';
  const tables = Object.entries(input.metrics).map(([metric, d]) => {
    const { label, unit } = metricLabel(metric);
    const rows = d.components.map((c, i) => {
      const share = c.share_of_total === null ? '&ndash;' : `${Math.round(c.share_of_total * 100)}%`;
      return `<tr><th scope="row">${escapeHtml(names[i] ?? '')}</th>${cell(c.shapley, unit)}<td class="num">${share}</td>${cell(c.alone, unit)}${cell(c.leave_one_out, unit)}${cell(c.interaction, unit)}</tr>`;
    });
    rows.push(`<tr><th scope="row">Package total</th>${cell(d.total, unit)}<td class="num">100%</td>${cell(d.sum_alone, unit)}<td></td>${cell(d.interaction, unit)}</tr>`);
    return `<h3>${escapeHtml(label)} (<code>${escapeHtml(metric)}</code>)</h3>
<div class="table-wrap"><table><thead><tr><th scope="col">Component</th><th scope="col">Shapley value</th><th scope="col">Share</th><th scope="col">Alone</th><th scope="col">Leave-one-out</th><th scope="col">Interaction</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table></div>`;
  });
  const components = input.components.map((c) => `<li><b>${escapeHtml(c.name)}</b>: ${c.paths.map((p) => `<code>${escapeHtml(p)}</code>`).join(', ')}</li>`).join('');
  return `<p>${escapeHtml(input.package)} differs from ${escapeHtml(input.reference)} in ${input.components.length} components; ${method}. The package row gives its total effect, the sum of the components\u2019 effects alone, and the interaction: the total minus that sum.</p>
<ul>${components}</ul>
${tables.join('\n')}`;
}

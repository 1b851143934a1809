// The report's text sections other than the headline table and the charts.
import type { CalibrationInput, ReportInput, ScenarioReport, SensitivityInput } from './report-input.js';
import { escapeHtml } from './escape-html.js';
import { formatPlain } from './format.js';
import { metricLabel } from './metric-labels.js';

function cellText(value: number | string | undefined): string {
  if (typeof value === 'number') return escapeHtml(formatPlain(value));
  return escapeHtml(value ?? '');
}

export function scenariosSection(scenarios: readonly ScenarioReport[]): string {
  return scenarios
    .map(
      (s, i) => `<article class="scenario">
<h3>${escapeHtml(s.name)}${i === 0 ? ' <span class="note">(reference)</span>' : ''}</h3>
<p>${escapeHtml(s.description)}</p>
<p class="note">What the scenario file states; everything else is the default region:</p>
<pre>${escapeHtml(s.stated)}</pre>
</article>`,
    )
    .join('\n');
}

export function sensitivityTable(input: SensitivityInput): string {
  const columns = [...new Set(input.rows.flatMap((r) => Object.keys(r)))];
  const head = columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('');
  const body = input.rows.map((r) => `<tr>${columns.map((c) => `<td${typeof r[c] === 'number' ? ' class="num"' : ''}>${cellText(r[c])}</td>`).join('')}</tr>`).join('\n');
  const methodName = { oat: 'one-at-a-time', morris: 'Morris elementary effects', sobol: 'Sobol variance decomposition' }[input.method];
  return `<p>Method: ${methodName}. Figure analysed: ${escapeHtml(metricLabel(input.metric).label)} (<code>${escapeHtml(input.metric)}</code>).</p>
<details><summary>All ${input.rows.length} parameters</summary><div class="table-wrap"><table><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table></div></details>`;
}

export function calibrationTables(input: CalibrationInput): string {
  const fitted = input.fitted
    .map((f) => `<tr><td><code>${escapeHtml(f.path)}</code></td><td class="num">${cellText(f.value)}</td><td class="num">${cellText(f.ci95_low)}\u2013${cellText(f.ci95_high)}</td></tr>`)
    .join('\n');
  const fit = input.fit
    .map(
      (f) =>
        `<tr><td>${escapeHtml(f.measure)}</td><td>${escapeHtml(f.period)}</td><td class="num">${escapeHtml(f.observed)}</td><td class="num">${cellText(f.simulated_mean)}</td><td class="num">${cellText(f.ci95_low)}\u2013${cellText(f.ci95_high)}</td></tr>`,
    )
    .join('\n');
  return `<h3>Fitted parameters</h3>
<div class="table-wrap"><table><thead><tr><th scope="col">Parameter</th><th scope="col">Fitted value</th><th scope="col">95% CI</th></tr></thead><tbody>
${fitted}
</tbody></table></div>
<h3>Fit</h3>
<div class="table-wrap"><table><thead><tr><th scope="col">Measure</th><th scope="col">Period</th><th scope="col">Observed</th><th scope="col">Simulated mean</th><th scope="col">95% CI</th></tr></thead><tbody>
${fit}
</tbody></table></div>`;
}

export function parametersSection(parameters: ReportInput['parameters'], reference: string): string {
  const assumptions = parameters.filter((p) => p.provenance.startsWith('assumption')).length;
  const rows = parameters
    .map((p) => {
      const assumed = p.provenance.startsWith('assumption');
      return `<tr${assumed ? ' class="assumption"' : ''}><td><code>${escapeHtml(p.path)}</code></td><td class="num">${cellText(p.value)}</td><td>${escapeHtml(p.provenance)}</td></tr>`;
    })
    .join('\n');
  return `<p>The ${parameters.length} numeric parameters of ${escapeHtml(reference)}, each with its source: a seed document and section, or an assumption with its reason. ${assumptions === 1 ? '1 of them is an assumption' : `${assumptions} of them are assumptions`} (in italics): the first values to replace with regional figures.</p>
<details><summary>Show all ${parameters.length} parameters</summary><div class="table-wrap"><table><thead><tr><th scope="col">Parameter</th><th scope="col">Value</th><th scope="col">Source</th></tr></thead><tbody>
${rows}
</tbody></table></div></details>`;
}

export function reproducibilityFooter(input: ReportInput): string {
  const hashes = input.scenarios.map((s) => `<tr><td>${escapeHtml(s.name)}</td><td><code class="hash">${escapeHtml(s.sha256)}</code></td></tr>`).join('\n');
  const cite = `thuiszit ${input.version}, ${input.scenarios.map((s) => `${s.name} (sha256 ${s.sha256.slice(0, 12)})`).join(', ')}; seed ${input.seed}, ${input.replications} replications.`;
  return `<h2>Reproducing these figures</h2>
<dl class="repro">
<dt>thuiszit version</dt><dd>${escapeHtml(input.version)}</dd>
<dt>Seed</dt><dd>${escapeHtml(String(input.seed))}</dd>
<dt>Replications per scenario</dt><dd>${escapeHtml(String(input.replications))}</dd>
<dt>Command</dt><dd><code>${escapeHtml(input.command)}</code></dd>
</dl>
<p>The same version, seed, replications and scenario files give the same figures on any machine. Each scenario file is identified by the SHA-256 of its resolved content:</p>
<div class="table-wrap"><table><thead><tr><th scope="col">Scenario</th><th scope="col">SHA-256</th></tr></thead><tbody>
${hashes}
</tbody></table></div>
<p>How to cite: <q>${escapeHtml(cite)}</q></p>`;
}

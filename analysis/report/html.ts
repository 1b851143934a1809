// One self-contained HTML page: inline CSS, charts as inline SVG, no scripts and no addresses
// outside the file, so an adviser can open it offline, mail it, archive it and cite it.
import type { TopLevelSpec } from 'vega-lite';
import type { ReportInput } from './report-input.js';
import { renderSvg } from '../charts/render.js';
import { chartFigures, type ChartFigure } from './chart-figures.js';
import { chartDataTable, dataTableNote } from './chart-table.js';
import { escapeHtml } from './escape-html.js';
import { headlineTable } from './headline-table.js';
import { decompositionTables } from './decomposition-table.js';
import { calibrationTables, parametersSection, reproducibilityFooter, scenariosSection, sensitivityTable } from './sections.js';
import { REPORT_CSS } from './styles.js';
import { withVisibleText } from './visible-input.js';
import { checkProjection } from './projection-checks.js';
import { projectionSection, resultsNote } from './projection-section.js';

/**
 * Inline SVG needs no namespace declarations (the HTML parser supplies them), and dropping them
 * keeps the page free of any URL. Ids get the chart's name in front, because several SVGs in one
 * page share one id space and a clip path of one chart must not land on another.
 */
function inlineSvg(svg: string, chartName: string): string {
  const prefix = `${chartName}-`;
  return svg
    .replace(/\s+xmlns(:xlink)?="[^"]*"/g, '')
    .replace(/\bid="([^"]+)"/g, (_, id: string) => `id="${prefix}${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${prefix}${id})`)
    .replace(/(xlink:)?href="#([^"]+)"/g, (_, ns: string | undefined, id: string) => `${ns ?? ''}href="#${prefix}${id}"`);
}

/**
 * The chart as one image with a name and a description (the figure caption), as screen readers should
 * meet it. vega's own ARIA roles on marks and axes (unnamed graphics-symbols, an image named after its
 * tick labels) are dropped: the data table after the figure is the way into the numbers.
 */
function accessibleSvg(svg: string, name: string, describedBy: string): string {
  const bare = svg.replace(/\s(?:role|aria-[a-z]+)="[^"]*"/g, '');
  return bare.replace(/^<svg\b/, `<svg role="img" aria-label="${escapeHtml(name)}" aria-describedby="${describedBy}"`);
}

function chartTitle(spec: TopLevelSpec): string {
  const title = (spec as { title?: string | { text?: unknown } }).title;
  const text = typeof title === 'string' ? title : title?.text;
  return typeof text === 'string' ? text : Array.isArray(text) ? text.join(' ') : '';
}

function validate(input: ReportInput): void {
  if (input.scenarios.length === 0) throw new Error('report input: scenarios is empty; expected at least one scenario');
  const seen = new Set<string>();
  for (const [i, s] of input.scenarios.entries()) {
    if (seen.has(s.name)) throw new Error(`report input: scenarios[${i}].name '${s.name}' repeats; expected unique scenario names (they key the colours)`);
    seen.add(s.name);
  }
  const problem = checkProjection(input);
  if (problem !== null) throw new Error(`report input: ${problem}`);
}

function whatThisIs(input: ReportInput): string {
  const study = input.sensitivity !== undefined ? 'a sensitivity study of' : input.calibration !== undefined ? 'a calibration of' : null;
  if (study !== null) {
    return `<p class="lede">This report is ${study} the scenario ${escapeHtml(input.scenarios[0]?.name ?? '')} for children of school age who are at home instead of in education (thuiszitters), simulated with thuiszit ${escapeHtml(input.version)}, a discrete-event model of a Dutch region, with ${input.replications} replications per evaluated point on common random numbers. These are model results, not observations: they are as good as the parameters listed at the end, each with its source.</p>`;
  }
  const names = input.scenarios.map((s) => escapeHtml(s.name));
  const compared = names.length > 1 ? `${names.length} policy scenarios (${names.join(', ')}) for children of school age who are at home instead of in education (thuiszitters)` : `the scenario ${names[0] ?? ''} for children of school age who are at home instead of in education (thuiszitters)`;
  const split = input.decomposition === undefined ? '' : ` It then splits ${escapeHtml(input.decomposition.package)}\u2019s effect over the ${input.decomposition.components.length} components in which it differs from ${escapeHtml(input.decomposition.reference)}.`;
  return `<p class="lede">This report compares ${compared}, simulated with thuiszit ${escapeHtml(input.version)}, a discrete-event model of a Dutch region. Every figure is the mean of ${input.replications} independent replications with its 95% confidence interval. Differences between scenarios are paired: each scenario meets the same simulated children with the same needs (common random numbers), so a difference is sharper than the two separate intervals suggest. These are model results, not observations: they are as good as the parameters listed at the end, each with its source.${split}</p>`;
}

function figureHtml(figure: ChartFigure, number: number, svg: string): string {
  const label = `Figure ${number}`;
  const captionId = `fig-${figure.name}-caption`;
  const title = chartTitle(figure.spec);
  return `<figure class="chart" id="fig-${figure.name}" data-chart="${figure.name}">
${accessibleSvg(inlineSvg(svg, figure.name), title === '' ? label : `${label}: ${title}`, captionId)}
<figcaption id="${captionId}"><b>${label}.</b>${escapeHtml(figure.howToRead)} ${escapeHtml(dataTableNote(figure.name, label))}</figcaption>
</figure>
${chartDataTable(figure.name, label, figure.spec)}`;
}

export async function buildReport(given: ReportInput): Promise<{ html: string; specs: Record<string, TopLevelSpec> }> {
  const input = withVisibleText(given);
  validate(input);
  const figures = chartFigures(input);
  const specs: Record<string, TopLevelSpec> = {};
  const rendered = new Map<string, string>();
  // One at a time and in a fixed order, so the page is the same bytes for the same input.
  for (const [i, figure] of figures.entries()) {
    specs[figure.name] = figure.spec;
    rendered.set(figure.name, figureHtml(figure, i + 1, await renderSvg(figure.spec)));
  }
  const figuresIn = (section: ChartFigure['section']): string =>
    figures
      .filter((f) => f.section === section)
      .map((f) => rendered.get(f.name) ?? '')
      .join('\n');
  const reference = input.scenarios[0]?.name ?? '';
  // A sensitivity study or calibration cites its scenario but has no per-scenario figures to show.
  const hasFigures = input.scenarios.some((s) => Object.keys(s.metrics).length > 0);
  const sections: Array<{ id: string; title: string; body: string }> = [
    ...(hasFigures
      ? [{
          id: 'headline',
          title: 'Headline figures',
          body: `<p class="goal-box"><strong>National goal</strong> (Thuiszitterspact 2016): no child is at home longer than three months (13 weeks) without a fitting offer of education and/or care.</p>\n${headlineTable(input.scenarios, input.replications)}`,
        }]
      : []),
    { id: 'scenarios', title: hasFigures ? 'What each scenario changes' : 'The scenario studied', body: scenariosSection(input.scenarios) },
    ...(hasFigures ? [{ id: 'results', title: 'Results in charts', body: `${resultsNote(input)}${figuresIn('results')}` }] : []),
  ];
  const projection = hasFigures ? projectionSection(input, figuresIn('projection')) : null;
  if (projection !== null) sections.push({ id: 'projection', title: 'Projection per school year', body: projection });
  if (input.decomposition !== undefined) {
    sections.push({ id: 'decomposition', title: 'Which components carry the effect', body: `${figuresIn('decomposition')}\n${decompositionTables(input.decomposition)}` });
  }
  if (input.sensitivity !== undefined) {
    sections.push({ id: 'sensitivity', title: 'Sensitivity: which parameters matter', body: `${figuresIn('sensitivity')}\n${sensitivityTable(input.sensitivity)}` });
  }
  if (input.calibration !== undefined) {
    sections.push({ id: 'calibration', title: 'Calibration against regional figures', body: `${figuresIn('calibration')}\n${calibrationTables(input.calibration)}` });
  }
  sections.push({ id: 'parameters', title: 'Parameters and their sources', body: parametersSection(input.parameters, reference) });
  const nav = [...sections.map((s) => `<li><a href="#${s.id}">${escapeHtml(s.title)}</a></li>`), '<li><a href="#reproduce">Reproducing these figures</a></li>'].join('');
  const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="thuiszit ${escapeHtml(input.version)}">
<title>${escapeHtml(input.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
<header>
<h1>${escapeHtml(input.title)}</h1>
${whatThisIs(input)}
<nav aria-label="Contents"><ol>${nav}</ol></nav>
</header>
${sections.map((s) => `<section id="${s.id}">\n<h2>${escapeHtml(s.title)}</h2>\n${s.body}\n</section>`).join('\n')}
<footer id="reproduce">
${reproducibilityFooter(input)}
</footer>
</main>
</body>
</html>
`;
  return { html, specs };
}

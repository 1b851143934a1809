// The finished comparison on the page: the report's headline table (the same HTML function, so the
// page and report.html show the same figures); for a projection over several school years, the national
// goal's count per year and the goal table; then the report's charts drawn live with vega-embed from the
// same vega-lite specs, each with the report's sentence on how to read it.
import embed from 'vega-embed';
import { chartFigures, GOAL_TRAJECTORY_METRIC, trajectoryFigure, type ChartFigure } from '../../../analysis/report/chart-figures.js';
import { chartDataTable } from '../../../analysis/report/chart-table.js';
import { goalTables } from '../../../analysis/report/goal-table.js';
import { headlineTable } from '../../../analysis/report/headline-table.js';
import { projectionLabels } from '../../../analysis/report/projection-checks.js';
import type { ReportInput } from '../../../analysis/report/report-input.js';
import type { Messages } from '../i18n/messages.js';

/** HTML the report's own builders made: they escape every name they print. */
function reportHtml(html: string): HTMLElement {
  const host = document.createElement('div');
  host.innerHTML = html;
  return host;
}

function heading(text: string): HTMLElement {
  const element = document.createElement('h3');
  element.textContent = text;
  return element;
}

/** `alt` says where the chart's numbers are as text. */
async function showFigure(into: HTMLElement, figure: ChartFigure, number: number, text: Messages, alt: string): Promise<void> {
  const element = document.createElement('figure');
  element.className = 'chart';
  element.dataset['chart'] = figure.name;
  const host = document.createElement('div');
  host.setAttribute('role', 'img');
  host.setAttribute('aria-label', `${text.figure(number)} ${figure.howToRead} ${alt}`);
  const caption = document.createElement('figcaption');
  const label = document.createElement('b');
  label.textContent = text.figure(number);
  caption.append(label, ` ${figure.howToRead}`);
  element.append(host, caption);
  into.append(element);
  await embed(host, structuredClone(figure.spec), { actions: false, renderer: 'svg' });
  // The figure's text alternative is its label and caption (and the table): the marks inside say nothing more.
  host.querySelector('svg')?.setAttribute('aria-hidden', 'true');
}

export async function showResults(into: HTMLElement, input: ReportInput, text: Messages): Promise<void> {
  into.replaceChildren(reportHtml(headlineTable(input.scenarios, input.replications)));
  let number = 0;
  // The page shows the national goal's count per year; the report (download) every headline figure.
  const national = input.goals?.find((g) => g.source === 'default')?.metric ?? GOAL_TRAJECTORY_METRIC;
  const trajectory = trajectoryFigure(input, [national]);
  if (trajectory !== null) {
    into.append(heading(text.perYear));
    await showFigure(into, trajectory, ++number, text, text.yearTableAlt);
    // The per-year figures are in no other table on the page: the report's data table of the chart gives them.
    into.append(reportHtml(chartDataTable(trajectory.name, text.figure(number).replace(/\.$/, ''), trajectory.spec)));
    if (input.goals !== undefined && input.goals.length > 0) into.append(reportHtml(goalTables(input.goals, projectionLabels(input))));
  }
  into.append(heading(text.charts));
  for (const figure of chartFigures(input).filter((f) => f.section !== 'projection')) await showFigure(into, figure, ++number, text, text.tableAlt);
}

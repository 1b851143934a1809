// The finished comparison on the page: the report's headline table (the same HTML function, so the
// page and report.html show the same figures), and the report's charts drawn live with vega-embed
// from the same vega-lite specs, each with the report's sentence on how to read it.
import embed from 'vega-embed';
import { chartFigures } from '../../../analysis/report/chart-figures.js';
import { headlineTable } from '../../../analysis/report/headline-table.js';
import type { ReportInput } from '../../../analysis/report/report-input.js';
import type { Messages } from '../i18n/messages.js';

export async function showResults(into: HTMLElement, input: ReportInput, text: Messages): Promise<void> {
  into.replaceChildren();
  const tableHost = document.createElement('div');
  // The HTML comes from the report's own builder, which escapes every name it prints.
  tableHost.innerHTML = headlineTable(input.scenarios, input.replications);
  into.append(tableHost);
  const heading = document.createElement('h3');
  heading.textContent = text.charts;
  into.append(heading);
  for (const [i, figure] of chartFigures(input).entries()) {
    const element = document.createElement('figure');
    element.className = 'chart';
    element.dataset['chart'] = figure.name;
    const host = document.createElement('div');
    host.setAttribute('role', 'img');
    host.setAttribute('aria-label', `${text.figure(i + 1)} ${figure.howToRead} ${text.tableAlt}`);
    const caption = document.createElement('figcaption');
    const number = document.createElement('b');
    number.textContent = text.figure(i + 1);
    caption.append(number, ` ${figure.howToRead}`);
    element.append(host, caption);
    into.append(element);
    await embed(host, structuredClone(figure.spec), { actions: false, renderer: 'svg' });
    // The figure's text alternative is its label and caption (and the table): the marks inside say nothing more.
    host.querySelector('svg')?.setAttribute('aria-hidden', 'true');
  }
}

// A table wider than the page scrolls sideways inside its wrapper. A keyboard user must be able to
// reach that scroll too (WCAG 2.1.1), so the wrapper takes focus, and as a focusable region it is named.
import { escapeHtml } from './escape-html.js';

export function scrollableTable(name: string, table: string): string {
  return `<div class="table-wrap" tabindex="0" role="region" aria-label="${escapeHtml(name)}">${table}</div>`;
}

// Every piece of text from a scenario file or a command line goes through here before it meets
// HTML: a description containing "<script>" must print as text, not run, and a control or
// direction-override character is shown as \uXXXX rather than obeyed (see visible-text.ts).
import { visibleText } from '../output/visible-text.js';

const replacements: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return visibleText(text.replace(/[&<>"']/g, (c) => replacements[c] ?? c));
}

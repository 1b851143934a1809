// Scenario text reaches the page in HTML (escaped by escapeHtml) and inside the charts' SVG, which
// vega writes. Passing the input's texts through visibleText once, before either, keeps a
// direction override or escape character from acting in the charts too.
import { visibleText } from '../output/visible-text.js';
import type { ReportInput } from './report-input.js';

export function withVisibleText(input: ReportInput): ReportInput {
  return {
    ...input,
    title: visibleText(input.title),
    command: visibleText(input.command),
    scenarios: input.scenarios.map((s) => ({ ...s, name: visibleText(s.name), description: visibleText(s.description), stated: visibleText(s.stated) })),
    parameters: input.parameters.map((p) => ({ ...p, path: visibleText(p.path), provenance: visibleText(p.provenance) })),
  };
}

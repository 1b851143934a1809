// Scenario text reaches the page in HTML (escaped by escapeHtml) and inside the charts' SVG, which
// vega writes. Passing the input's texts through visibleText once, before either, keeps a
// direction override or escape character from acting in the charts too.
import { visibleText } from '../output/visible-text.js';
import type { ReportInput, ScenarioCalendar } from './report-input.js';

function visibleCalendar(calendar: ScenarioCalendar): ScenarioCalendar {
  return { ...calendar, changes: calendar.changes.map((c) => ({ ...c, paths: c.paths.map(visibleText) })) };
}

export function withVisibleText(input: ReportInput): ReportInput {
  return {
    ...input,
    title: visibleText(input.title),
    command: visibleText(input.command),
    scenarios: input.scenarios.map((s) => ({ ...s, name: visibleText(s.name), description: visibleText(s.description), stated: visibleText(s.stated), ...(s.calendar === undefined ? {} : { calendar: visibleCalendar(s.calendar) }) })),
    parameters: input.parameters.map((p) => ({ ...p, path: visibleText(p.path), provenance: visibleText(p.provenance) })),
    // A goal names its scenarios as the scenarios do: both shown the same way, or the names no longer match.
    ...(input.goals === undefined ? {} : { goals: input.goals.map((g) => ({ ...g, goal: visibleText(g.goal), scenarios: g.scenarios.map((s) => ({ ...s, scenario: visibleText(s.scenario) })) })) }),
  };
}

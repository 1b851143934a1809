// How to read the trajectory chart, with the dated changes its vertical lines stand for spelled out:
// the lines carry no text of their own, so the caption is where a reader (or a screen reader) learns them.
import type { ScenarioReport } from './report-input.js';

function changesOf(scenario: ScenarioReport): string | null {
  const changes = scenario.calendar?.changes ?? [];
  if (changes.length === 0) return null;
  const each = changes.map((c) => `${c.rampYears > 0 ? `from ${c.from}, ramped over ${c.rampYears} ${c.rampYears === 1 ? 'year' : 'years'}` : `on ${c.from}`}: ${c.paths.join(', ')}`);
  return `${scenario.name} changes ${each.join('; ')}`;
}

export function trajectoryReading(scenarios: readonly ScenarioReport[]): string {
  const changes = scenarios.map(changesOf).filter((c): c is string => c !== null);
  const dated =
    changes.length === 0
      ? 'No scenario has dated changes: every policy holds from the first day.'
      : `Vertical lines in a scenario\u2019s colour mark its dated changes (dashed where a change starts, dotted where a ramp reaches its value): ${changes.join('. ')}.`;
  return `Each panel follows one headline figure over the measured school years: the line is the mean over the replications, the band its 95% confidence interval, one colour per scenario. A red line is a goal with an absolute target for that figure (the goal table below says from which year it is met). ${dated}`;
}

// The report's projection section: the trajectory chart, the goal table and the per-year differences,
// shown when the scenarios were measured over more than one school year. A one-year run keeps today's
// report, with one sentence saying why there is no trajectory.
import type { ReportInput } from './report-input.js';
import { escapeHtml } from './escape-html.js';
import { goalTables } from './goal-table.js';
import { HEADLINE_METRICS } from './metric-labels.js';
import { projectionLabels } from './projection-checks.js';
import { yearDifferencesTables } from './year-differences-table.js';

/** A sentence before the result charts saying over which school years their figures are. */
export function resultsNote(input: Pick<ReportInput, 'scenarios'>): string {
  const labels = projectionLabels(input);
  const first = escapeHtml(labels[0] ?? '');
  if (labels.length === 1) {
    return `<p class="note">These figures are for one measured school year, ${first}, so there is no trajectory to draw. A projection over several school years (a scenario\u2019s <code>start</code> and <code>measuredYears</code>) adds each headline figure per year, the year each goal is first met and the differences per year.</p>\n`;
  }
  if (labels.length > 1) {
    return `<p class="note">The figures here and in the headline table are means over the ${labels.length} measured school years, ${first} to ${escapeHtml(labels[labels.length - 1] ?? '')}; the projection section shows them year by year.</p>\n`;
  }
  return '';
}

/** The section's body, or null when there is no projection (fewer than two measured years). */
export function projectionSection(input: Pick<ReportInput, 'scenarios' | 'goals'>, figures: string): string | null {
  const labels = projectionLabels(input);
  if (labels.length < 2) return null;
  const goals = input.goals ?? [];
  const goalPart = goals.length === 0 ? '<p>No goal was evaluated for this run.</p>' : goalTables(goals, labels);
  const differences = yearDifferencesTables(input.scenarios, HEADLINE_METRICS);
  return `<p>Every figure per measured school year, ${escapeHtml(labels[0] ?? '')} to ${escapeHtml(labels[labels.length - 1] ?? '')}: counts and costs within the year, durations for the episodes that start in it.</p>
${figures}
${goalPart}
${differences}`;
}

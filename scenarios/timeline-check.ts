// The schema's check of a timeline: every dated version of the scenario must itself be a valid scenario.
// Problems are reported on the entry that causes them (timeline.<i>.set.<path>), so the message names the
// file or --set that stated it, as any other field's problem does.
import type { z } from 'zod';
import { parseIsoDate } from './calendar.js';
import { timelineVersions } from './timeline.js';
import type { Timed } from './timeline.js';

export function checkTimeline<T extends Timed>(scenario: T, ctx: z.RefinementCtx, schema: z.ZodType<T>): void {
  // Dates that are no dates are reported by their own fields.
  if (parseIsoDate(scenario.start) === null || scenario.timeline.some((entry) => parseIsoDate(entry.from) === null)) return;
  for (const problem of timelineVersions(scenario, schema).problems) {
    ctx.addIssue({ code: 'custom', path: ['timeline', problem.entry, ...problem.path.split(/\.(.*)/s).filter((p) => p !== '')], message: problem.message });
  }
}

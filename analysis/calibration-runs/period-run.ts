// The scenario a calibration over several periods runs: the calibrated scenario as it stood over the
// data's school years. The data decide its `start` (1 August of the earliest period) and its
// `measuredYears` (up to the latest); its trend counts years from that start, and its timeline acts on
// the data's calendar. A timeline change dated after the data's last year had not happened in any year
// the data describe, so it is left out of the run (it stays in the calibrated scenario file).
import { sha256Of } from '../../scenarios/canonical.js';
import { weeksFromStart, WEEKS_PER_YEAR } from '../../scenarios/calendar.js';
import type { LoadedScenario } from '../../scenarios/load.js';
import { scenarioSchema } from '../../scenarios/schema.js';
import { OptionError } from '../commands/option-checks.js';
import type { PeriodPlan } from '../calibration/periods.js';

/** The scenario fields the data's periods decide. */
const DECIDED = ['start', 'measuredYears'] as const;

/** A --set of a field the data decide would be overruled: refused, naming it. */
export function refuseDecidedSets(plan: PeriodPlan, sets: readonly string[]): void {
  if (plan.kind === 'single') return;
  for (const set of sets) {
    const field = set.slice(0, Math.max(0, set.indexOf('='))).trim();
    if ((DECIDED as readonly string[]).includes(field)) {
      throw new OptionError('set', set, `no --set of ${DECIDED.join(' or ')} when the data has several periods: the run measures the data's school years (${plan.labels[0]} to ${plan.labels.at(-1)})`);
    }
  }
}

/** The scenario the plan runs: the given one for a single period. */
export function periodRunScenario(given: LoadedScenario, plan: PeriodPlan): LoadedScenario {
  if (plan.kind === 'single') return given;
  const end = plan.measuredYears * WEEKS_PER_YEAR;
  const timeline = given.scenario.timeline.filter((entry) => weeksFromStart(plan.start, entry.from) < end);
  const frame = { start: plan.start, measuredYears: plan.measuredYears, timeline };
  const parsed = scenarioSchema.safeParse({ ...structuredClone(given.scenario), ...frame });
  if (!parsed.success) {
    // Every field was valid as given and the timeline only lost changes after the run: not expected.
    const issue = parsed.error.issues[0];
    throw new Error(`${given.name} measured over ${plan.labels[0]} to ${plan.labels.at(-1)} is not a valid scenario: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const stated: Record<string, unknown> = { ...(given.stated as Record<string, unknown>), start: plan.start, measuredYears: plan.measuredYears };
  if (timeline.length < given.scenario.timeline.length && Object.hasOwn(stated, 'timeline')) stated['timeline'] = timeline;
  return { ...given, scenario: parsed.data, sha256: sha256Of(parsed.data), stated };
}

/** The calibrated scenario states the start its fitted rates belong to (trends count years from it). */
export function fittedStartSets(plan: PeriodPlan): string[] {
  return plan.kind === 'school-years' ? [`start=${plan.start}`] : [];
}

/** Why the calibrated scenario of a time series states a start (a comment in its header). */
export function startNote(plan: PeriodPlan): string {
  if (plan.kind === 'single') return '';
  return `\nstart: the data's first school year (${plan.labels[0]}); the fitted values hold there, and a trend counts its years from it`;
}

/** How calibration.json states which simulated figures the rows were compared with. */
export function periodsJson(plan: PeriodPlan): { compared_with: string; start?: string; school_years?: string[] } {
  if (plan.kind === 'single') return { compared_with: 'all measured years of the scenario (one period in the data)' };
  return { compared_with: 'each row\'s own school year', start: plan.start, school_years: plan.labels };
}

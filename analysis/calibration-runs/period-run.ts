// The scenario a calibration over several periods runs: the calibrated scenario, measured over the
// data's school years. Its `start` and `measuredYears` are the data's to decide, given as --set
// overrides after the user's own, so they are validated like any override and hashed into the
// scenario's sha256 (a stored evaluation of another span is never reused).
import { OptionError } from '../commands/option-checks.js';
import type { PeriodPlan } from '../calibration/periods.js';
import { scenarioSchema } from '../../scenarios/schema.js';

/** The scenario fields the data's periods decide. */
const DECIDED = ['start', 'measuredYears'] as const;

/** The overrides that make the scenario measure the plan's school years; none for a single period. */
export function periodSets(plan: PeriodPlan, userSets: readonly string[]): string[] {
  if (plan.kind === 'single') return [];
  const span = `${plan.labels[0]} to ${plan.labels.at(-1)}`;
  for (const set of userSets) {
    const field = set.slice(0, Math.max(0, set.indexOf('='))).trim();
    if ((DECIDED as readonly string[]).includes(field)) {
      throw new OptionError('set', set, `no --set of ${DECIDED.join(' or ')} when the data has several periods: the run measures the data's school years (${span})`);
    }
  }
  return [...(startIsAField() ? [`start=${plan.start}`] : []), `measuredYears=${plan.measuredYears}`];
}

/** The calibrated scenario states the start its fitted rates belong to (trends count years from it). */
export function fittedStartSets(plan: PeriodPlan): string[] {
  return plan.kind === 'school-years' && startIsAField() ? [`start=${plan.start}`] : [];
}

function startIsAField(): boolean {
  return Object.hasOwn(scenarioSchema.shape, 'start');
}

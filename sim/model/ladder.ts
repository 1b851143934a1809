// The escalation ladder as data: which bodies a case in impasse goes to, and when. A scenario may write
// its own (`escalation.ladder`); without one, today's ladder is built from the shorthand fields: the
// action table six weeks into an impasse, retried every quarter, and where a region has it the
// Interventieteam ten weeks after detection (002). Utrecht's team managers at week 8 and the
// Interventieteam at week 10 (002), or a doorbraakteam at week 12 without a casusregisseur (004), are
// other ladders. The outcome-driven chains (enforcement against parents, the casusregisseur's
// doorbraakteam-arbitration-OM chain, the exemption route) are not rungs: what follows them depends on
// how the previous step ended, not on the calendar.
import type { LadderStep, Scenario } from '../../scenarios/schema.js';
import { SECTORS } from '../../scenarios/schema.js';

export function ladderOf(s: Scenario): readonly LadderStep[] {
  const e = s.escalation;
  if (e.ladder !== null) return e.ladder;
  const steps: LadderStep[] = [
    { body: 'actietafel', from: 'impasse', afterWeeks: e.actietafelAfterWeeks, retryWeeks: e.actietafelRetryWeeks, sectors: [...SECTORS] },
  ];
  const it = e.interventieteam;
  if (it.enabled) steps.push({ body: 'interventieteam', from: 'detection', afterWeeks: it.afterWeeks, retryWeeks: null, sectors: it.sectors });
  return steps;
}

// Referring a case to a body: the body counts as reached and its cost per case is paid at referral,
// whether or not its attempt finishes before the episode ends. A referral booked for later (the action
// table six weeks into an impasse, the OM at the week-13 deadline) happens only if the case is still
// waiting then: `flushReferrals` settles those when their routes are dropped.
import type { Episode, ImpasseRoute } from './episode.js';
import type { RegionModel } from './model.js';
import type { Body } from './vocabulary.js';

export function referTo(m: RegionModel, ep: Episode, body: Body, meeting: number): void {
  if (ep.reach(body, meeting)) m.measures.escalation(body, meeting);
  const now = m.sim.now;
  if (body === 'vrijstelling') {
    m.ledger.charge('gemeente', m.scenario.escalation.exemption.costEurPerCase, now, body);
    return;
  }
  // School regie and the casusregisseur are paid as school work and as staff, not per referral.
  if (body === 'school_regie' || body === 'casusregisseur') return;
  const entry = m.bodyTable[body];
  const cost = entry.spec.costEurPerCase;
  if (entry.funder === 'shared') m.ledger.chargeShared(cost, now, body);
  else m.ledger.charge(entry.funder, cost, now, body);
}

/** Counts the pending referrals of `routes` that fell due by now. */
export function flushReferrals(m: RegionModel, ep: Episode, routes: readonly ImpasseRoute[]): void {
  for (const route of routes) {
    if (route.referPending && route.referAt <= m.sim.now) {
      route.referPending = false;
      referTo(m, ep, route.body, route.meeting);
    }
  }
}

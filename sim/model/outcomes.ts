// The outcomes every pathway module shares, at the bottom of the model's imports: an offer made, attendance,
// and the end of an episode. Nothing here starts a new step, so every other pathway module may import it.
import type { Episode } from './episode.js';
import type { RegionModel } from './model.js';
import { flushReferrals } from './referral.js';

/** Whether a casusregisseur holds regie over this case now. */
export function regieActive(ep: Episode): boolean {
  return !Number.isNaN(ep.regieStart);
}

/** Whether this child's fitting offer can only be made once the care it needs has started (004 6.1). */
export function offerWaitsForCare(m: RegionModel, ep: Episode): boolean {
  const type = ep.needs.careType;
  if (type === 'none' || m.scenario.policy.partTimeOffer) return false;
  return ep.needs.uOfferNeedsCare < m.scenario.care.offerDependsOnCare[type] && Number.isNaN(ep.careStart) && !Number.isNaN(ep.referral);
}

/** Records the fitting offer now; attendance follows at once, or when needed care starts (004 6.1). */
export function recordOffer(m: RegionModel, ep: Episode): void {
  m.cancelPath(ep);
  if (ep.ended || ep.hasOffer) return;
  ep.offer = m.sim.now;
  const type = ep.needs.careType;
  // Part-time education with care (003) lets the child attend while the full care is awaited.
  const careFirst = type !== 'none' && m.scenario.care.careBeforeAttendance[type] && !m.scenario.policy.partTimeOffer;
  // Care that was never referred (no MDT plan) cannot hold up attendance.
  if (careFirst && Number.isNaN(ep.careStart) && !Number.isNaN(ep.referral)) {
    m.enter(ep, 'care_after_offer');
    return;
  }
  endEpisode(m, ep, 'attendance');
}

export function endEpisode(m: RegionModel, ep: Episode, kind: 'attendance' | 'exemption' | 'aged-out' | 'moved-away'): void {
  if (ep.ended) return;
  const now = m.sim.now;
  m.enter(ep, null);
  m.cancelPath(ep);
  ep.end = now;
  ep.endKind = kind;
  if (kind === 'attendance') ep.attendance = now;
  for (const token of [ep.exitToken, ep.regieToken, ep.careAlternativeToken]) if (token !== null) m.sim.cancel(token);
  ep.exitToken = ep.regieToken = ep.careAlternativeToken = null;
  if (ep.caseloadToken !== null) {
    const caseload = m.caseload[ep.level]!;
    if (ep.caseloadToken.granted) caseload.release(ep.caseloadToken);
    else caseload.withdraw(ep.caseloadToken);
    ep.caseloadToken = null;
  }
  flushReferrals(m, ep, ep.routes);
  ep.routes = [];
  ep.trialPool?.endTrial(ep);
  if (ep.carePool !== null) ep.carePool.leave(ep);
  if (ep.kind === 'maatwerk') m.maatwerk[ep.level]!.leave(ep);
  if (kind === 'exemption') m.measures.exemptionHeld(now, now + ep.planned.exemptionHold, 'escape');
  m.open.delete(ep);
  m.record(ep);
  const relapseAt = now + ep.planned.relapseGap;
  if (kind === 'attendance' && ep.kind !== 'maatwerk' && ep.needs.uRelapse < m.scenario.onset.relapseProbability && relapseAt < m.horizon) {
    m.wiring.relapse(ep, relapseAt);
  }
}

// The casusregisseur onderwijs-zorg (004 6.7, 6.11): takes regie after four weeks if the case is not
// solved, within a caseload; with the mandate places regardless of waiting lists (taking real capacity:
// care-pool.ts), forces a school place where that works, funds the arrangement 50/50, and mobilises the
// doorbraakteam at week 8 (if no offer is expected within four more weeks) or week 12 (004 1.1 advice 8),
// with arbitration and the OM behind it (impasse.ts). A breakthrough removes the obstacles of the steps
// still to come; the steps themselves (MDT plan, care referral, arrangement, payment) still happen.
import { Priority } from '../engine/priority.js';
import { bypassCare } from './care-referral.js';
import type { Episode } from './episode.js';
import { bookAttempt, switchToRegie } from './impasse.js';
import type { RegionModel } from './model.js';
import { expediteCare } from './offer.js';
import { offerWaitsForCare } from './outcomes.js';
import { forcingWorks, placeSearchWeeks, willNegotiate } from './place-search.js';
import { referTo } from './referral.js';
import { STAGE_INDEX } from './vocabulary.js';

/** Whether the casusregisseur works for this child's sector. */
export function regieCovers(m: RegionModel, ep: Episode): boolean {
  const r = m.scenario.policy.casusregisseur;
  return r.enabled && r.sectors.includes(ep.sector) && ep.kind !== 'maatwerk';
}

export function scheduleIntake(m: RegionModel, ep: Episode): void {
  const at = Math.max(m.sim.now, ep.onset + m.scenario.policy.casusregisseur.startWeek);
  ep.regieToken = m.sim.at(at, onIntakeDue, ep, Priority.Decision);
}

function onIntakeDue(ep: Episode): void {
  const m = ep.model;
  ep.regieToken = null;
  if (ep.ended) return;
  const caseload = m.caseload[ep.level]!;
  const token = caseload.request(ep, onIntake);
  // A free place is granted inside request(), so onIntake may already have ended the episode (a
  // bypass starts the care it was waiting for) before the token could be kept: give the place back.
  if (ep.ended) {
    if (token.granted) caseload.release(token);
  } else {
    ep.caseloadToken = token;
  }
}

function onIntake(ep: Episode): void {
  const m = ep.model;
  const r = m.scenario.policy.casusregisseur;
  const now = m.sim.now;
  ep.regieStart = now;
  if (ep.reach('casusregisseur', now)) m.measures.escalation('casusregisseur', now);
  if (r.bypassWaitingLists && !Number.isNaN(ep.referral) && Number.isNaN(ep.careStart)) bypassCare(m, ep, r.bypassMode);
  if (ep.ended) return;
  if (ep.stage === STAGE_INDEX.place_search && forcingWorks(m, ep)) {
    moveStepTo(m, ep, Math.min(ep.pathTime, now + ep.planned.forcePlace));
  } else if (ep.stage === STAGE_INDEX.negotiation && r.fund5050) {
    moveStepTo(m, ep, now);
  } else if (ep.stage === STAGE_INDEX.impasse) {
    switchToRegie(m, ep);
  }
  if (!ep.hasOffer) {
    ep.regieToken = m.sim.at(Math.max(now, ep.onset + r.earlyBreakthroughWeek), onReview, ep, Priority.Decision);
  }
}

/** Brings the pending pathway step forward to t (never later than it was due). */
function moveStepTo(m: RegionModel, ep: Episode, t: number): void {
  const handler = ep.pathHandler;
  if (handler === null || !(t < ep.pathTime)) return;
  m.schedulePath(ep, t, handler);
}

/**
 * When the offer is expected if nothing goes wrong: the pending step plus the planned steps after it
 * (place search, negotiation). Infinity in an impasse, or while the offer waits for care no one has
 * promised (004 1.1, 8: "geen aanbod binnen de komende vier weken verwacht").
 */
export function expectedOfferTime(m: RegionModel, ep: Episode): number {
  if (ep.hasOffer) return ep.offer;
  if (Number.isNaN(ep.pathTime)) return Infinity;
  const stage = ep.stage;
  if (stage === STAGE_INDEX.impasse || stage === STAGE_INDEX.care_wait || stage === STAGE_INDEX.maatwerk_wait) return Infinity;
  if (stage === STAGE_INDEX.school_regie) return ep.pathTime;
  let t = ep.pathTime;
  if (stage === STAGE_INDEX.detection || stage === STAGE_INDEX.mdt_wait) t += placeSearchWeeks(m, ep, t);
  if (stage !== STAGE_INDEX.negotiation && willNegotiate(m, ep)) t += ep.planned.negotiation;
  if (ep.needs.careType !== 'none' && offerWaitsForCare(m, ep)) return Infinity;
  return t;
}

/** Week 8 and week 12 reviews of a case that is not in impasse but still has no offer. */
function onReview(ep: Episode): void {
  const m = ep.model;
  const r = m.scenario.policy.casusregisseur;
  const now = m.sim.now;
  ep.regieToken = null;
  if (ep.ended || ep.hasOffer || ep.stage === STAGE_INDEX.impasse) return;
  const late = now >= ep.onset + r.breakthroughWeek;
  if (late || expectedOfferTime(m, ep) > ep.onset + r.breakthroughWeek) {
    const attempt = bookAttempt(m, ep, 'doorbraakteam', now);
    if (attempt === null) return;
    referTo(m, ep, 'doorbraakteam', attempt.meeting);
    if (ep.decisions.next() < attempt.chance) ep.regieToken = m.sim.at(attempt.done, onBreakthrough, ep, Priority.Decision);
    return;
  }
  ep.regieToken = m.sim.at(ep.onset + r.breakthroughWeek, onReview, ep, Priority.Decision);
}

/** The doorbraakteam removed the obstacles: the pending step happens now and the later ones without waiting. */
function onBreakthrough(ep: Episode): void {
  const m = ep.model;
  ep.regieToken = null;
  if (ep.ended || ep.hasOffer) return;
  ep.expedited = true;
  if (ep.stage === STAGE_INDEX.care_wait) {
    expediteCare(ep);
    return;
  }
  // A case that fell into an impasse meanwhile is in the escalation routes' hands.
  if (ep.stage !== STAGE_INDEX.impasse) moveStepTo(m, ep, m.sim.now);
}

// The casusregisseur onderwijs-zorg (004 6.7, 6.11): takes regie after four weeks if the case is not
// solved, within a caseload; with the mandate places regardless of waiting lists, forces a school place,
// funds the arrangement 50/50, and mobilises the doorbraakteam at week 8 (if no offer is expected within
// four more weeks) or week 12 (004 1.1 advice 8), with arbitration and the OM behind it (impasse.ts).
import { Priority } from '../engine/priority.js';
import type { Episode } from './episode.js';
import { chanceAt, switchToRegie } from './impasse.js';
import type { RegionModel } from './model.js';
import { decideImpasse, makeOffer, offerExpectedBy, onPlaceFound } from './pathway.js';
import { STAGE_INDEX } from './vocabulary.js';

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
  m.ledger.chargeShared(m.scenario.costs.casusregisseurEurPerCase, now);
  if (r.bypassWaitingLists && ep.carePool !== null && Number.isNaN(ep.careStart)) ep.carePool.bypass(ep);
  if (ep.ended) return;
  if (ep.stage === STAGE_INDEX.place_search && r.forcePlace && ep.pathTime > now + ep.planned.forcePlace) {
    m.schedulePath(ep, now + ep.planned.forcePlace, onPlaceFound);
  } else if (ep.stage === STAGE_INDEX.negotiation && r.fund5050) {
    m.schedulePath(ep, now, decideImpasse);
  } else if (ep.stage === STAGE_INDEX.impasse) {
    switchToRegie(m, ep);
  }
  if (!ep.hasOffer) {
    ep.regieToken = m.sim.at(Math.max(now, ep.onset + r.earlyBreakthroughWeek), onReview, ep, Priority.Decision);
  }
}

/** Week 8 and week 12 reviews of a case that is not in impasse but still has no offer. */
function onReview(ep: Episode): void {
  const m = ep.model;
  const r = m.scenario.policy.casusregisseur;
  const now = m.sim.now;
  ep.regieToken = null;
  if (ep.ended || ep.hasOffer || ep.stage === STAGE_INDEX.impasse) return;
  const late = now >= ep.onset + r.breakthroughWeek;
  if (late || !offerExpectedBy(ep, r.breakthroughWeek)) {
    const meeting = m.bodies[ep.level]!.doorbraakteam.book(now);
    if (ep.reach('doorbraakteam', meeting)) m.measures.escalation('doorbraakteam', meeting);
    m.ledger.chargeShared(r.doorbraakteam.costEurPerCase, now);
    const done = meeting + m.durations.handling.doorbraakteam.sample(ep.handling('doorbraakteam'));
    const chance = chanceAt(m, ep, r.doorbraakteam.successProbability, meeting);
    if (ep.decisions.next() < chance && done < ep.pathTime) m.schedulePath(ep, done, makeOffer);
    return;
  }
  ep.regieToken = m.sim.at(ep.onset + r.breakthroughWeek, onReview, ep, Priority.Decision);
}

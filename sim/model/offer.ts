// Making the fitting offer. Where the offer itself depends on care (a day-treatment arrangement), the child
// waits for that care first, at home: "het thuiszitten in afwachting van zorg ... wordt dan voor lief
// genomen" (004 6.1). A wait longer than `care.waitImpasseWeeks` is a stuck case and goes to the
// escalation bodies, whose success finds the care past the waiting list.
import { bypassCare } from './care-referral.js';
import type { Episode } from './episode.js';
import { startImpasse } from './impasse.js';
import { endEpisode, offerWaitsForCare, recordOffer, regieActive } from './outcomes.js';
import { STAGE_INDEX } from './vocabulary.js';

export function makeOffer(ep: Episode): void {
  const m = ep.model;
  if (ep.ended || ep.hasOffer) {
    m.cancelPath(ep);
    return;
  }
  if (!offerWaitsForCare(m, ep)) {
    recordOffer(m, ep);
    return;
  }
  m.enter(ep, 'care_wait');
  if (ep.expedited) {
    expediteCare(ep);
    return;
  }
  m.schedulePath(ep, ep.referral + m.scenario.care.waitImpasseWeeks, onCareOverdue);
}

function onCareOverdue(ep: Episode): void {
  ep.pathToken = null;
  startImpasse(ep.model, ep, 'care', expediteCare);
}

/** A body found the missing care: the next free slot ahead of the list, or care bought outside it. */
export function expediteCare(ep: Episode): void {
  const m = ep.model;
  m.cancelPath(ep);
  if (!Number.isNaN(ep.careStart)) {
    makeOffer(ep);
    return;
  }
  m.enter(ep, 'care_wait');
  const r = m.scenario.policy.casusregisseur;
  bypassCare(m, ep, regieActive(ep) ? r.bypassMode : 'front-of-queue');
}

/** The needed care started: an offer that waited for it follows, or attendance after an offer. */
export function onCareStarted(ep: Episode): void {
  const m = ep.model;
  if (ep.careAlternativeToken !== null) m.sim.cancel(ep.careAlternativeToken);
  ep.careAlternativeToken = null;
  if (ep.ended) return;
  if (ep.hasOffer) {
    endEpisode(m, ep, 'attendance');
    return;
  }
  const waiting = ep.stage === STAGE_INDEX.care_wait || (ep.stage === STAGE_INDEX.impasse && ep.impasseCause === 'care');
  if (waiting) makeOffer(ep);
}

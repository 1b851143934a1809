// Referring a child to the care the MDT's plan asks for: the waiting list, a stepped-care trial first
// (001: start light, scale up when that fails), Utrecht's alternative within two weeks (002), and the
// bypasses that take the next free slot or buy care outside the slots (care-pool.ts).
import { Priority } from '../engine/priority.js';
import type { BypassMode } from './care-pool.js';
import type { Episode } from './episode.js';
import type { RegionModel } from './model.js';
import { regieActive } from './outcomes.js';

export function referCare(m: RegionModel, ep: Episode): void {
  const type = ep.needs.careType;
  if (type === 'none') return;
  ep.referral = m.sim.now;
  const r = m.scenario.policy.casusregisseur;
  if (regieActive(ep) && r.bypassWaitingLists) {
    bypassCare(m, ep, r.bypassMode);
    return;
  }
  const stepped = type !== 'ambulant' && ep.needs.uStepped < m.scenario.care.steppedCare.share;
  if (stepped) {
    m.care[ep.level]!.ambulant.referTrial(ep);
    return;
  }
  referNeeded(m, ep);
}

function referNeeded(m: RegionModel, ep: Episode): void {
  const type = ep.needs.careType;
  if (type === 'none') return;
  m.care[ep.level]![type].refer(ep);
  const alternative = m.scenario.care[type].alternativeWithinWeeks;
  if (alternative !== null) ep.careAlternativeToken = m.sim.after(alternative, onCareAlternative, ep, Priority.Decision);
}

/** The light trial ended without the needed result: scale up to the care the child needs. */
export function onTrialEnded(ep: Episode): void {
  if (ep.ended) return;
  referNeeded(ep.model, ep);
}

/** Utrecht (002): if the provider has no place, a fitting alternative within two weeks, bought elsewhere. */
function onCareAlternative(ep: Episode): void {
  ep.careAlternativeToken = null;
  if (!ep.ended) bypassCare(ep.model, ep, 'buy-extra');
}

/** Care for this child past the waiting list (and past any trial still running). */
export function bypassCare(m: RegionModel, ep: Episode, mode: BypassMode): void {
  const type = ep.needs.careType;
  if (type === 'none' || !Number.isNaN(ep.careStart)) return;
  if (Number.isNaN(ep.referral)) ep.referral = m.sim.now;
  ep.trialPool?.endTrial(ep);
  if (ep.careAlternativeToken !== null) m.sim.cancel(ep.careAlternativeToken);
  ep.careAlternativeToken = null;
  m.care[ep.level]![type].bypass(ep, mode);
}

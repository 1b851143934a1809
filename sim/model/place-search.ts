// How long the search for a school place takes, and what shortens it: the casusregisseur's forced place
// where it works (004 3.2.4 and section 4 point 7: in few cases), a school-place guarantee (002: "geen
// kind ... zonder passende onderwijsplaats"), or a breakthrough that removed the obstacles.
import type { Episode } from './episode.js';
import type { RegionModel } from './model.js';
import { regieActive } from './outcomes.js';

/** Whether the casusregisseur's forced place works for this child. */
export function forcingWorks(m: RegionModel, ep: Episode): boolean {
  const r = m.scenario.policy.casusregisseur;
  return regieActive(ep) && r.forcePlace && ep.needs.uForce < r.forcePlaceSuccessProbability;
}

/** Whether the school-place guarantee holds for this child: the covenant is kept with some chance. */
export function guaranteed(m: RegionModel, ep: Episode): boolean {
  const g = m.scenario.policy.schoolPlaceGuarantee;
  return g.enabled && ep.needs.uGuarantee < g.compliance;
}

/** Weeks to a school place (longer per rung), or to a return to the own school. */
export function placeSearchWeeks(m: RegionModel, ep: Episode, t: number): number {
  const level = ep.complexityAt(t);
  // A child without extra support needs is enrolled or back at school quickly, enrolled before or not.
  let weeks = ep.needs.support
    ? ep.planned.placeSearch * (1 + m.scenario.pathway.complexityDelayPerLevel * level)
    : ep.planned.ownSchoolReturn;
  if (forcingWorks(m, ep) || ep.expedited) weeks = Math.min(weeks, ep.planned.forcePlace);
  if (guaranteed(m, ep)) weeks = Math.min(weeks, m.scenario.policy.schoolPlaceGuarantee.weeks);
  return weeks;
}

/** Whether this case's arrangement combines education and care, so that two budgets must agree who pays. */
export function combinedArrangement(ep: Episode): boolean {
  return (ep.needs.support || ep.kind === 'not-enrolled') && ep.needs.careType !== 'none';
}

/** Whether the arrangement will wait for a negotiation over who pays (separate budgets, no 50/50 mandate). */
export function willNegotiate(m: RegionModel, ep: Episode): boolean {
  const s = m.scenario;
  if (!combinedArrangement(ep) || ep.expedited) return false;
  if (regieActive(ep) && s.policy.casusregisseur.fund5050) return false;
  return s.policy.budgets.mode === 'separate';
}

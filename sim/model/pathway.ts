// The regular pathway of a case: detection, school regie, the MDT and its plan (care referral, school
// place), negotiation over who pays, then an offer or an impasse (impasse.ts), and attendance once needed
// care has started (004 6.1: waiting for care after an offer still counts as at home).
import { Priority } from '../engine/priority.js';
import type { CareType } from '../../scenarios/schema.js';
import type { Episode, PlannedDurations } from './episode.js';
import { startImpasse } from './impasse.js';
import type { RegionModel } from './model.js';
import { nextMdtMeeting } from './school.js';
import { scheduleIntake } from './regie.js';
import { STAGE_INDEX } from './vocabulary.js';

/** Draws every stage duration of a case in one fixed order from the pupil's timing stream. */
function planDurations(m: RegionModel, ep: Episode): PlannedDurations {
  const d = m.durations;
  const rng = ep.timing;
  const school = m.schools[ep.sector][ep.needs.schoolIndex];
  const registration = school !== undefined && school.goodRegistration ? d.goodRegistration : d.poorRegistration;
  return {
    registration: registration.sample(rng),
    notEnrolled: d.notEnrolled.sample(rng),
    conversion: d.maskedConversion.sample(rng),
    youthHealthCheck: d.youthHealthCheck.sample(rng),
    noMdtReferral: d.noMdtReferral.sample(rng),
    simpleResolution: d.simpleResolution.sample(rng),
    ownSchoolReturn: d.ownSchoolReturn.sample(rng),
    placeSearch: d.placeSearch.sample(rng),
    negotiation: d.negotiation.sample(rng),
    forcePlace: d.forcePlace.sample(rng),
    exemptionApply: d.exemptionApply.sample(rng),
    exemptionDecision: d.exemptionDecision.sample(rng),
    relapseGap: d.relapseGap.sample(rng),
    careService: ep.needs.careType === 'none' ? 0 : m.care[ep.level]![ep.needs.careType].drawService(rng),
  };
}

export function regieActive(ep: Episode): boolean {
  return !Number.isNaN(ep.regieStart);
}

/** Starts a case at its onset: exit clock, legal clock, and the first pathway step (detection). */
export function startCase(m: RegionModel, ep: Episode): void {
  const s = m.scenario;
  const now = m.sim.now;
  ep.planned = planDurations(m, ep);
  m.open.add(ep);
  if (m.measures.inPeriod(ep.onset)) m.episodesInPeriod++;
  const exitAt = Math.min(ep.needs.exitTime, ep.needs.spontaneousTime);
  if (exitAt < m.horizon) ep.exitToken = m.sim.at(exitAt, onExit, ep, Priority.Decision);

  const p = ep.planned;
  let detectAt: number;
  if (ep.kind === 'not-enrolled') {
    detectAt = now + p.notEnrolled;
  } else if (ep.kind === 'authorised') {
    // The hidden group: the legal definition only sees the case once the sick reports stop being
    // accepted (conversion); today nobody acts before then unless a school doctor checks (003, M@zl).
    ep.legalStart = now + p.conversion;
    const school = m.schools[ep.sector][ep.needs.schoolIndex];
    const checked = school !== undefined && school.youthHealth ? now + p.youthHealthCheck : Infinity;
    detectAt =
      s.policy.absenceDistinction === 'abolished' ? now + p.registration : Math.min(checked, ep.legalStart + p.registration);
  } else {
    detectAt = now + p.registration;
  }
  m.enter(ep, 'detection');
  m.schedulePath(ep, detectAt, onDetected);
}

function onDetected(ep: Episode): void {
  const m = ep.model;
  const now = m.sim.now;
  ep.pathToken = null;
  ep.detection = now;
  ep.reach('school_regie', now);
  m.measures.escalation('school_regie', now);
  m.ledger.charge('swv', m.scenario.costs.schoolRegieEurPerCase, now);
  if (m.scenario.policy.casusregisseur.enabled) scheduleIntake(m, ep);
  if (ep.kind === 'not-enrolled') {
    // Absoluut verzuim: the leerplichtambtenaar finds the child and the SWV looks for a place directly.
    ep.reach('leerplicht', now);
    m.measures.escalation('leerplicht', now);
    m.ledger.charge('gemeente', m.scenario.escalation.leerplicht.costEurPerCase, now);
    makePlan(m, ep);
    return;
  }
  if (ep.complexityAt(now) === 0) {
    m.enter(ep, 'school_regie');
    m.schedulePath(ep, now + ep.planned.simpleResolution, resolveAtSchool);
    return;
  }
  m.enter(ep, 'mdt_wait');
  const school = m.schools[ep.sector][ep.needs.schoolIndex];
  const meeting = school !== undefined && school.hasMdt ? nextMdtMeeting(school, now) : now + ep.planned.noMdtReferral;
  m.schedulePath(ep, meeting, onMdt);
}

/** A simple situation solved in dialogue (004 5.2): the child returns at once; any care need follows outside school. */
function resolveAtSchool(ep: Episode): void {
  const m = ep.model;
  ep.pathToken = null;
  ep.offer = m.sim.now;
  endEpisode(m, ep, 'attendance');
}

function onMdt(ep: Episode): void {
  const m = ep.model;
  ep.pathToken = null;
  ep.mdt = m.sim.now;
  m.ledger.charge('swv', m.scenario.costs.mdtEurPerCase, m.sim.now);
  makePlan(m, ep);
}

/** The MDT's plan: refer to care if needed, and look for a school place or a return with support. */
function makePlan(m: RegionModel, ep: Episode): void {
  const now = m.sim.now;
  if (ep.needs.careType !== 'none') refer(m, ep, ep.needs.careType);
  m.enter(ep, 'place_search');
  const level = ep.complexityAt(now);
  let weeks = ep.needs.support || ep.kind === 'not-enrolled'
    ? ep.planned.placeSearch * (1 + m.scenario.pathway.complexityDelayPerLevel * level)
    : ep.planned.ownSchoolReturn;
  if (regieActive(ep) && m.scenario.policy.casusregisseur.forcePlace) weeks = Math.min(weeks, ep.planned.forcePlace);
  m.schedulePath(ep, now + weeks, onPlaceFound);
}

function refer(m: RegionModel, ep: Episode, type: CareType): void {
  const pool = m.care[ep.level]![type];
  ep.referral = m.sim.now;
  ep.carePool = pool;
  if (regieActive(ep) && m.scenario.policy.casusregisseur.bypassWaitingLists) {
    pool.bypass(ep);
    return;
  }
  pool.refer(ep);
  const alternative = m.scenario.care[type].alternativeWithinWeeks;
  if (alternative !== null && Number.isNaN(ep.careStart)) {
    ep.careAlternativeToken = m.sim.after(alternative, onCareAlternative, ep, Priority.Decision);
  }
}

/** Utrecht (002): if the provider has no place, a fitting alternative within two weeks. */
function onCareAlternative(ep: Episode): void {
  ep.careAlternativeToken = null;
  if (!ep.ended && ep.carePool !== null) ep.carePool.bypass(ep);
}

export function onPlaceFound(ep: Episode): void {
  const m = ep.model;
  const now = m.sim.now;
  ep.pathToken = null;
  const s = m.scenario;
  const combined = (ep.needs.support || ep.kind === 'not-enrolled') && ep.needs.careType !== 'none';
  let negotiate = false;
  if (combined) {
    const cost = s.costs.combinedArrangementEur;
    const funded5050 = regieActive(ep) && s.policy.casusregisseur.fund5050;
    if (s.policy.budgets.mode === 'bundled' && m.ledger.drawPot(cost, now)) {
      negotiate = false;
    } else {
      if (s.policy.budgets.mode === 'bundled') ep.potRefused = true;
      m.ledger.chargeShared(cost, now);
      negotiate = !funded5050;
    }
  } else if (ep.needs.support) {
    m.ledger.charge('swv', s.costs.supportArrangementEur, now);
  }
  if (negotiate) {
    m.enter(ep, 'negotiation');
    m.schedulePath(ep, now + ep.planned.negotiation, decideImpasse);
  } else {
    decideImpasse(ep);
  }
}

/** Whether the plan meets a hard obstacle (004 5.1 stagnation): likelier higher on the ladder. */
export function decideImpasse(ep: Episode): void {
  const m = ep.model;
  const s = m.scenario;
  ep.pathToken = null;
  const level = ep.complexityAt(m.sim.now);
  const byLevel = [0, s.pathway.impasseByLevel.complicated, s.pathway.impasseByLevel.complex, s.pathway.impasseByLevel.chaotic, s.pathway.impasseByLevel.stagnation];
  const chance = Math.min(1, (byLevel[level] as number) * (ep.needs.cooperative ? 1 : s.pathway.uncooperativeImpasseFactor));
  if (ep.needs.uImpasse >= chance) {
    makeOffer(ep);
    return;
  }
  const w = s.pathway.impasseCause;
  const u = ep.needs.uCause * (w.place + w.funding + w.parents);
  const cause = u < w.place ? 'place' : u < w.place + w.funding ? 'funding' : 'parents';
  // A funding quarrel cannot arise over money that is already pooled or split 50/50 by mandate.
  const pooled = s.policy.budgets.mode === 'bundled' && !ep.potRefused;
  if (cause === 'funding' && (pooled || (regieActive(ep) && s.policy.casusregisseur.fund5050))) {
    makeOffer(ep);
    return;
  }
  startImpasse(m, ep, cause);
}

/** A fitting offer; attendance follows now, or when needed care starts. */
export function makeOffer(ep: Episode): void {
  const m = ep.model;
  m.cancelPath(ep);
  if (ep.ended || ep.hasOffer) return;
  ep.offer = m.sim.now;
  const type = ep.needs.careType;
  const careFirst = type !== 'none' && m.scenario.care.careBeforeAttendance[type];
  // Care that was never referred (no MDT plan) cannot hold up attendance.
  if (careFirst && Number.isNaN(ep.careStart) && !Number.isNaN(ep.referral)) {
    m.enter(ep, 'care_after_offer');
    return;
  }
  endEpisode(m, ep, 'attendance');
}

export function onCareStarted(ep: Episode): void {
  const m = ep.model;
  if (ep.careAlternativeToken !== null) m.sim.cancel(ep.careAlternativeToken);
  ep.careAlternativeToken = null;
  if (!ep.ended && ep.hasOffer) endEpisode(m, ep, 'attendance');
}

function onExit(ep: Episode): void {
  const m = ep.model;
  ep.exitToken = null;
  if (ep.ended) return;
  if (ep.needs.spontaneousTime <= ep.needs.exitTime) {
    // Circumstances change and the child goes back: an offer and attendance at once.
    if (!ep.hasOffer) ep.offer = m.sim.now;
    endEpisode(m, ep, 'attendance');
  } else {
    endEpisode(m, ep, ep.needs.exitKind);
  }
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
  if (ep.carePool !== null) ep.carePool.leave(ep);
  m.open.delete(ep);
  m.record(ep);
  const relapseAt = now + ep.planned.relapseGap;
  if (kind === 'attendance' && ep.needs.uRelapse < m.scenario.onset.relapseProbability && relapseAt < m.horizon) {
    m.relapseHandler(ep, relapseAt);
  }
}

/** Whether the regular pathway's next step is due by `week` weeks after onset and is not an impasse (004 1.1, 8). */
export function offerExpectedBy(ep: Episode, week: number): boolean {
  return ep.stage !== STAGE_INDEX.impasse && !Number.isNaN(ep.pathTime) && ep.pathTime <= ep.onset + week;
}

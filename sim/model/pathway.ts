// The regular pathway of a case: detection, school regie, the MDT and its plan (care referral, school
// place), negotiation over who pays, then an offer or an impasse (impasse.ts), and attendance once needed
// care has started (004 6.1: waiting for care after an offer still counts as at home). Maatwerk cases
// (exemptions abolished) wait for an individual learning route instead.
import { Priority } from '../engine/priority.js';
import type { Episode, PlannedDurations } from './episode.js';
import { referCare } from './care-referral.js';
import { exemptionHoldWeeks } from './exemption-hold.js';
import { startImpasse } from './impasse.js';
import type { RegionModel } from './model.js';
import { makeOffer } from './offer.js';
import { endEpisode, recordOffer, regieActive } from './outcomes.js';
import { referTo } from './referral.js';
import { regieCovers, scheduleIntake } from './regie.js';
import { combinedArrangement, guaranteed, placeSearchWeeks } from './place-search.js';
import { nextMdtMeeting } from './school.js';

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
    exemptionHold: exemptionHoldWeeks(rng.next(), m.scenario.escalation.exemption.renewalProbability),
    steppedTrial: d.steppedTrial.sample(rng),
  };
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

  if (ep.kind === 'maatwerk') {
    m.enter(ep, 'maatwerk_wait');
    m.maatwerk[ep.level]!.request(ep);
    return;
  }
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
    if (s.policy.absenceDistinction === 'abolished') m.ledger.charge('swv', s.costs.absenceFollowUpEurPerEpisode, now, 'absence_follow_up');
  } else {
    detectAt = now + p.registration;
  }
  m.enter(ep, 'detection');
  m.schedulePath(ep, detectAt, onDetected);
}

/** A maatwerk place came free: the learning route is the fitting offer, and the child attends. */
export function onMaatwerkGranted(ep: Episode): void {
  const m = ep.model;
  m.measures.maatwerkWait(m.sim.now - ep.onset, m.sim.now);
  const p = m.scenario.policy.maatwerk;
  m.ledger.chargeShared(ep.maatwerkWeeks * p.weeklyCostEur, m.sim.now, 'maatwerk');
  recordOffer(m, ep);
}

function onDetected(ep: Episode): void {
  const m = ep.model;
  const now = m.sim.now;
  ep.pathToken = null;
  ep.detection = now;
  ep.reach('school_regie', now);
  m.measures.escalation('school_regie', now);
  m.ledger.charge('swv', m.scenario.costs.schoolRegieEurPerCase, now, 'school_regie');
  if (regieCovers(m, ep)) scheduleIntake(m, ep);
  if (ep.kind === 'not-enrolled') {
    // Absoluut verzuim: the leerplichtambtenaar finds the child and the SWV looks for a place directly.
    referTo(m, ep, 'leerplicht', now);
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
  m.ledger.charge('swv', m.scenario.costs.mdtEurPerCase, m.sim.now, 'mdt');
  makePlan(m, ep);
}

/** The MDT's plan: refer to care if needed, and look for a school place or a return with support. */
function makePlan(m: RegionModel, ep: Episode): void {
  const now = m.sim.now;
  referCare(m, ep);
  if (ep.ended) return;
  m.enter(ep, 'place_search');
  m.schedulePath(ep, now + placeSearchWeeks(m, ep, now), onPlaceFound);
}

export function onPlaceFound(ep: Episode): void {
  const m = ep.model;
  const now = m.sim.now;
  ep.pathToken = null;
  const s = m.scenario;
  let negotiate = false;
  if (combinedArrangement(ep)) {
    const cost = s.costs.combinedArrangementEur;
    const funded5050 = regieActive(ep) && s.policy.casusregisseur.fund5050;
    if (s.policy.budgets.mode === 'bundled' && m.ledger.drawPot(cost, now, 'arrangement')) {
      ep.potDrawn = true;
    } else {
      m.ledger.chargeShared(cost, now, 'arrangement');
      negotiate = !funded5050 && !ep.expedited;
    }
  } else if (ep.needs.support) {
    m.ledger.charge('swv', s.costs.supportArrangementEur, now, 'arrangement');
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
  if (ep.expedited) {
    makeOffer(ep);
    return;
  }
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
  // A funding quarrel cannot arise over money the pot already paid, or that the mandate splits 50/50.
  if (cause === 'funding' && (ep.potDrawn || (regieActive(ep) && s.policy.casusregisseur.fund5050))) {
    makeOffer(ep);
    return;
  }
  if (cause === 'place' && guaranteed(m, ep)) {
    makeOffer(ep);
    return;
  }
  startImpasse(m, ep, cause, makeOffer);
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

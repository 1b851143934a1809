// A case in impasse (a hard obstacle: no school takes the child, nobody pays, or parents and professionals
// cannot agree) waits for an escalation body to break it. Several routes run side by side and the first
// success wins: today the action table (retried), the enforcement route (leerplicht, OM, RvdK) for a
// conflict with parents, the exemption route (art. 5a) and, in Utrecht, the Interventieteam; with a
// casusregisseur (004 6.7-6.11) the regie route replaces the table and enforcement routes.
import type { Episode, ImpasseCause, ImpasseRoute } from './episode.js';
import type { MeetingBodyName, RegionModel } from './model.js';
import { endEpisode, makeOffer, regieActive } from './pathway.js';
import type { Body } from './vocabulary.js';

/** Chance that a body breaks the impasse: its base chance, lower for each rung above 'complex' (004 5.3). */
export function chanceAt(m: RegionModel, ep: Episode, base: number, t: number): number {
  const above = Math.max(0, ep.complexityAt(t) - 2);
  return base * Math.pow(m.scenario.pathway.successDecayPerLevel, above);
}

function baseChance(m: RegionModel, body: MeetingBodyName): number {
  const e = m.scenario.escalation;
  const r = m.scenario.policy.casusregisseur;
  switch (body) {
    case 'leerplicht': return e.leerplicht.successProbability;
    case 'actietafel': return e.actietafel.successProbability;
    case 'om': return e.om.successProbability;
    case 'rvdk': return e.rvdk.successProbability;
    case 'interventieteam': return e.interventieteam.body.successProbability;
    case 'doorbraakteam': return r.doorbraakteam.successProbability;
    case 'arbitrage': return r.arbitrationBody.successProbability;
  }
}

function costOf(m: RegionModel, body: Body): void {
  const e = m.scenario.escalation;
  const r = m.scenario.policy.casusregisseur;
  const t = m.sim.now;
  switch (body) {
    case 'leerplicht': m.ledger.charge('gemeente', e.leerplicht.costEurPerCase, t); break;
    case 'actietafel': m.ledger.chargeShared(e.actietafel.costEurPerCase, t); break;
    case 'om': m.ledger.charge('rijk', e.om.costEurPerCase, t); break;
    case 'rvdk': m.ledger.charge('rijk', e.rvdk.costEurPerCase, t); break;
    case 'interventieteam': m.ledger.chargeShared(e.interventieteam.body.costEurPerCase, t); break;
    case 'doorbraakteam': m.ledger.chargeShared(r.doorbraakteam.costEurPerCase, t); break;
    case 'arbitrage': m.ledger.chargeShared(r.arbitrationBody.costEurPerCase, t); break;
    case 'vrijstelling': m.ledger.charge('gemeente', e.exemption.costEurPerCase, t); break;
    default: break;
  }
}

/** Books `body` for a referral at time `from`; the attempt's outcome is known after the meeting plus handling. */
function book(m: RegionModel, ep: Episode, route: ImpasseRoute, body: MeetingBodyName, from: number): void {
  const meeting = m.bodies[ep.level]![body].book(Math.max(from, m.sim.now));
  route.body = body;
  route.meeting = meeting;
  route.next = meeting + m.durations.handling[body].sample(ep.handling(body));
  route.success = chanceAt(m, ep, baseChance(m, body), meeting);
}

function finish(route: ImpasseRoute): void {
  route.next = Infinity;
}

function newRoute(kind: ImpasseRoute['kind']): ImpasseRoute {
  return { kind, step: 0, next: Infinity, meeting: Infinity, body: 'school_regie', success: 0 };
}

export function startImpasse(m: RegionModel, ep: Episode, cause: ImpasseCause): void {
  const now = m.sim.now;
  const s = m.scenario;
  ep.impasseStart = now;
  ep.impasseCause = cause;
  m.enter(ep, 'impasse');
  ep.routes = [];
  if (regieActive(ep)) {
    ep.routes.push(regieRoute(m, ep));
  } else {
    ep.routes.push(...currentPracticeRoutes(m, ep));
  }
  const level = ep.complexityAt(now);
  const eligible = ep.needs.careType === 'ggz' || ep.needs.careType === 'specialist' || level >= 3;
  if (s.policy.exemptions === 'allowed' && eligible && ep.needs.uApplyExemption < s.escalation.exemption.applyProbability) {
    const route = newRoute('exemption');
    route.body = 'vrijstelling';
    route.meeting = now + ep.planned.exemptionApply;
    route.next = route.meeting + ep.planned.exemptionDecision;
    route.success = s.escalation.exemption.grantProbability;
    ep.routes.push(route);
  }
  const it = s.escalation.interventieteam;
  if (it.enabled && it.sectors.includes(ep.sector)) {
    const route = newRoute('interventieteam');
    const since = Number.isNaN(ep.detection) ? ep.onset : ep.detection;
    book(m, ep, route, 'interventieteam', since + it.afterWeeks);
    ep.routes.push(route);
  }
  scheduleNextAttempt(m, ep);
}

function currentPracticeRoutes(m: RegionModel, ep: Episode): ImpasseRoute[] {
  const e = m.scenario.escalation;
  const now = m.sim.now;
  const table = newRoute('table');
  book(m, ep, table, 'actietafel', now + e.actietafelAfterWeeks);
  const routes = [table];
  if (ep.impasseCause === 'parents') {
    const enforcement = newRoute('enforcement');
    book(m, ep, enforcement, 'leerplicht', now + e.leerplichtAfterWeeks);
    routes.push(enforcement);
  }
  return routes;
}

/** The casusregisseur's chain: forcing where the mandate reaches, else doorbraakteam, arbitration, OM, RvdK. */
function regieRoute(m: RegionModel, ep: Episode): ImpasseRoute {
  const r = m.scenario.policy.casusregisseur;
  const now = m.sim.now;
  const route = newRoute('regie');
  const forced = (ep.impasseCause === 'place' && r.forcePlace) || (ep.impasseCause === 'funding' && r.fund5050);
  if (forced) {
    route.body = 'casusregisseur';
    route.meeting = now;
    route.next = now + ep.planned.forcePlace;
    route.success = 1;
    route.step = -1;
    return route;
  }
  book(m, ep, route, 'doorbraakteam', now);
  return route;
}

/** Moves a failed route to its next body, or ends it. */
function advance(m: RegionModel, ep: Episode, route: ImpasseRoute): void {
  const s = m.scenario;
  const now = m.sim.now;
  route.step++;
  const level = ep.complexityAt(now);
  const civil = level >= s.escalation.rvdkMinimumLevel;
  switch (route.kind) {
    case 'table':
      book(m, ep, route, 'actietafel', now + s.escalation.actietafelRetryWeeks);
      return;
    case 'enforcement':
      // A failed talk leads to a proces-verbaal and the OM (MAS terms, 004 6.10); after that the civil route.
      if (route.step === 1) book(m, ep, route, 'om', now);
      else if (route.step === 2 && civil) book(m, ep, route, 'rvdk', now);
      else finish(route);
      return;
    case 'regie': {
      const r = s.policy.casusregisseur;
      if (route.step === 1 && r.arbitration && ep.needs.uConsent < r.arbitrationConsentProbability) {
        book(m, ep, route, 'arbitrage', now);
        return;
      }
      if (route.step <= 2) {
        route.step = 2;
        book(m, ep, route, 'om', Math.max(now, ep.onset + r.omReferralWeek));
        return;
      }
      if (route.step === 3 && civil) {
        book(m, ep, route, 'rvdk', now);
        return;
      }
      book(m, ep, route, 'doorbraakteam', now + s.escalation.actietafelRetryWeeks);
      return;
    }
    default:
      finish(route);
  }
}

function scheduleNextAttempt(m: RegionModel, ep: Episode): void {
  let best: ImpasseRoute | null = null;
  for (const route of ep.routes) if (best === null || route.next < best.next) best = route;
  if (best === null || best.next === Infinity) {
    m.cancelPath(ep);
    return;
  }
  m.schedulePath(ep, best.next, onAttempt);
}

function onAttempt(ep: Episode): void {
  const m = ep.model;
  ep.pathToken = null;
  let route: ImpasseRoute | null = null;
  for (const r of ep.routes) if (route === null || r.next < route.next) route = r;
  if (route === null) return;
  if (ep.reach(route.body, route.meeting)) m.measures.escalation(route.body, route.meeting);
  costOf(m, route.body);
  const u = route.kind === 'exemption' ? ep.needs.uGrantExemption : ep.decisions.next();
  if (u < route.success) {
    if (route.kind === 'exemption') {
      endEpisode(m, ep, 'exemption');
      return;
    }
    ep.routes = [];
    makeOffer(ep);
    return;
  }
  advance(m, ep, route);
  scheduleNextAttempt(m, ep);
}

/** The casusregisseur takes up a case already in impasse: the regie route replaces table and enforcement. */
export function switchToRegie(m: RegionModel, ep: Episode): void {
  ep.routes = ep.routes.filter((r) => r.kind !== 'table' && r.kind !== 'enforcement');
  ep.routes.push(regieRoute(m, ep));
  scheduleNextAttempt(m, ep);
}

// A case in impasse (a hard obstacle: no school takes the child, nobody pays, parents and professionals
// cannot agree, or the care the offer depends on does not come) waits for an escalation body to break it.
// Several routes run side by side and the first success wins: today the action table (retried), the
// enforcement route (leerplicht, OM, RvdK) for a conflict with parents, the exemption route (art. 5a) and,
// in Utrecht, the Interventieteam (the rungs of the escalation ladder, ladder.ts); with a casusregisseur
// (004 6.7-6.11), or with the doorbraakteam on its own (004 section 4 point 9), the breakthrough route
// replaces the action table (the doorbraakteam is made of the existing tables, 004 6.8). A body counts as reached, and is
// paid, when the case is referred to it, whether or not its attempt finishes before the episode ends.
import type { Episode, ImpasseCause, ImpasseRoute } from './episode.js';
import type { RegionModel } from './model.js';
import type { MeetingBodyName } from './bodies.js';
import { ladderOf } from './ladder.js';
import { endEpisode, regieActive } from './outcomes.js';
import { flushReferrals } from './referral.js';

/** Chance that a body breaks the impasse: its base chance, lower for each rung above 'complex' (004 5.3). */
export function chanceAt(m: RegionModel, ep: Episode, base: number, t: number): number {
  const above = Math.max(0, ep.complexityAt(t) - 2);
  return base * Math.pow(m.scenario.pathway.successDecayPerLevel, above);
}

/** One attempt of a body on a case: its meeting, when the outcome is known, and the chance of success. */
export interface Attempt {
  meeting: number;
  done: number;
  chance: number;
}

/**
 * Books `body`'s first meeting with a place at or after `from`, and draws the handling time from the
 * case's stream for that body: every body, in an impasse route or a casusregisseur's review, attempts
 * a case this one way. null when the body has no places at all.
 */
export function bookAttempt(m: RegionModel, ep: Episode, body: MeetingBodyName, from: number): Attempt | null {
  const meeting = m.bodies[ep.level]![body].book(Math.max(from, m.sim.now));
  if (meeting === Infinity) return null;
  const done = meeting + m.durations.handling[body].sample(ep.handling(body));
  return { meeting, done, chance: chanceAt(m, ep, m.bodyTable[body].spec.successProbability, meeting) };
}

/** Books `body` for a referral at time `from`; the attempt's outcome is known after the meeting plus handling. */
function book(m: RegionModel, ep: Episode, route: ImpasseRoute, body: MeetingBodyName, from: number): void {
  const attempt = bookAttempt(m, ep, body, from);
  route.body = body;
  if (attempt === null) {
    route.meeting = Infinity;
    finish(route);
    return;
  }
  route.meeting = attempt.meeting;
  route.next = attempt.done;
  route.success = attempt.chance;
  route.referAt = Math.max(from, m.sim.now);
  route.referPending = true;
  flushReferrals(m, ep, [route]);
}

function finish(route: ImpasseRoute): void {
  route.next = Infinity;
}

function newRoute(kind: ImpasseRoute['kind']): ImpasseRoute {
  return { kind, step: 0, next: Infinity, meeting: Infinity, body: 'school_regie', success: 0, referPending: false, referAt: Infinity, retryWeeks: null };
}

/** Whether the breakthrough route (doorbraakteam, arbitration, OM) runs for this case. */
function breakthroughRoute(m: RegionModel, ep: Episode): boolean {
  return regieActive(ep) || m.scenario.policy.breakthroughWithoutRegie;
}

/**
 * Starts an impasse; `resolved` is what follows when a body breaks it (an offer, or the care that was
 * missing), given by the caller so this module never needs the pathway above it.
 */
export function startImpasse(m: RegionModel, ep: Episode, cause: ImpasseCause, resolved: (episode: Episode) => void): void {
  const now = m.sim.now;
  const s = m.scenario;
  ep.impasseStart = now;
  ep.impasseCause = cause;
  ep.impasseResolved = resolved;
  m.enter(ep, 'impasse');
  const breakthrough = breakthroughRoute(m, ep);
  ep.routes = [...ladderRoutes(m, ep, breakthrough), ...(breakthrough ? regieRoutes(m, ep) : enforcementRoutes(m, ep))];
  const level = ep.complexityAt(now);
  const eligible = ep.needs.careType === 'ggz' || ep.needs.careType === 'specialist' || level >= 3;
  if (s.policy.exemptions === 'allowed' && eligible && ep.needs.uApplyExemption < s.escalation.exemption.applyProbability) {
    const route = newRoute('exemption');
    route.body = 'vrijstelling';
    route.meeting = now + ep.planned.exemptionApply;
    route.next = route.meeting + ep.planned.exemptionDecision;
    route.success = s.escalation.exemption.grantProbability;
    // Parents apply at `meeting`: only then is the exemption route taken.
    route.referPending = true;
    route.referAt = route.meeting;
    ep.routes.push(route);
  }
  scheduleNextAttempt(m, ep);
}

/** The rungs of the ladder for this case's sector, each booked for its own week; the action table gives way to the breakthrough route. */
function ladderRoutes(m: RegionModel, ep: Episode, breakthrough: boolean): ImpasseRoute[] {
  const routes: ImpasseRoute[] = [];
  for (const step of ladderOf(m.scenario)) {
    if (!step.sectors.includes(ep.sector) || (breakthrough && step.body === 'actietafel')) continue;
    const clock = step.from === 'impasse' ? ep.impasseStart : step.from === 'onset' || Number.isNaN(ep.detection) ? ep.onset : ep.detection;
    const route = newRoute('ladder');
    route.retryWeeks = step.retryWeeks;
    book(m, ep, route, step.body, clock + step.afterWeeks);
    routes.push(route);
  }
  return routes;
}

/** A conflict with parents: leerplicht talks, then a proces-verbaal and the OM, then the civil route. */
function enforcementRoutes(m: RegionModel, ep: Episode): ImpasseRoute[] {
  if (ep.impasseCause !== 'parents') return [];
  const enforcement = newRoute('enforcement');
  book(m, ep, enforcement, 'leerplicht', m.sim.now + m.scenario.escalation.leerplichtAfterWeeks);
  return [enforcement];
}

/**
 * The breakthrough chain: forcing where the mandate reaches and works, else doorbraakteam, arbitration,
 * OM, RvdK; with a conflict with parents the OM referral also stands due "uiterlijk na 3 maanden" (004 6.11).
 */
function regieRoutes(m: RegionModel, ep: Episode): ImpasseRoute[] {
  const r = m.scenario.policy.casusregisseur;
  const now = m.sim.now;
  const route = newRoute('regie');
  const routes = [route];
  const mandate = regieActive(ep);
  // 004 3.2.4 and section 4 point 7: a mandate to force a place helps in few cases; a failed force goes on to the team.
  const forced = mandate && ep.impasseCause === 'place' && r.forcePlace && ep.needs.uForce < r.forcePlaceSuccessProbability;
  const funded = mandate && ep.impasseCause === 'funding' && r.fund5050;
  if (forced || funded) {
    route.body = 'casusregisseur';
    route.meeting = now;
    route.next = now + ep.planned.forcePlace;
    route.success = 1;
    route.step = -1;
    return routes;
  }
  book(m, ep, route, 'doorbraakteam', now);
  if (ep.impasseCause === 'parents') {
    const deadline = newRoute('om-deadline');
    deadline.step = 1;
    book(m, ep, deadline, 'om', Math.max(now, ep.onset + r.omReferralWeek));
    routes.push(deadline);
  }
  return routes;
}

/** Moves a failed route to its next body, or ends it. */
function advance(m: RegionModel, ep: Episode, route: ImpasseRoute): void {
  const s = m.scenario;
  const now = m.sim.now;
  route.step++;
  const level = ep.complexityAt(now);
  const civil = level >= s.escalation.rvdkMinimumLevel;
  switch (route.kind) {
    case 'ladder':
      if (route.retryWeeks === null) finish(route);
      else book(m, ep, route, route.body as MeetingBodyName, now + route.retryWeeks);
      return;
    case 'enforcement':
    case 'om-deadline':
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
      if (route.step <= 2 && ep.impasseCause === 'parents') {
        // Arbitration refused or failed: to the OM now, which makes the week-13 deadline moot.
        route.step = 2;
        dropRoutes(m, ep, (other) => other.kind === 'om-deadline' && other.step === 1);
        book(m, ep, route, 'om', now);
        return;
      }
      if (route.step === 3 && civil) {
        book(m, ep, route, 'rvdk', now);
        return;
      }
      route.step = 3;
      book(m, ep, route, 'doorbraakteam', now + s.escalation.actietafelRetryWeeks);
      return;
    }
    default:
      finish(route);
  }
}

/** Removes the routes that match, settling the referrals among them that had fallen due. */
function dropRoutes(m: RegionModel, ep: Episode, match: (route: ImpasseRoute) => boolean): void {
  flushReferrals(m, ep, ep.routes.filter(match));
  ep.routes = ep.routes.filter((route) => !match(route));
}

function nextRoute(ep: Episode): ImpasseRoute | null {
  let best: ImpasseRoute | null = null;
  for (const route of ep.routes) if (best === null || route.next < best.next) best = route;
  return best;
}

function scheduleNextAttempt(m: RegionModel, ep: Episode): void {
  const best = nextRoute(ep);
  if (best === null || best.next === Infinity) {
    m.cancelPath(ep);
    return;
  }
  m.schedulePath(ep, best.next, onAttempt);
}

function onAttempt(ep: Episode): void {
  const m = ep.model;
  ep.pathToken = null;
  const route = nextRoute(ep);
  if (route === null) return;
  flushReferrals(m, ep, [route]);
  const u = route.kind === 'exemption' ? ep.needs.uGrantExemption : ep.decisions.next();
  if (u < route.success) {
    if (route.kind === 'exemption') {
      endEpisode(m, ep, 'exemption');
      return;
    }
    dropRoutes(m, ep, () => true);
    const resolved = ep.impasseResolved;
    ep.impasseResolved = null;
    if (resolved !== null) resolved(ep);
    return;
  }
  advance(m, ep, route);
  scheduleNextAttempt(m, ep);
}

/** The casusregisseur takes up a case already in impasse: the breakthrough route replaces table and enforcement. */
export function switchToRegie(m: RegionModel, ep: Episode): void {
  dropRoutes(m, ep, (r) => (r.kind === 'ladder' && r.body === 'actietafel') || r.kind === 'enforcement');
  ep.routes.push(...regieRoutes(m, ep));
  scheduleNextAttempt(m, ep);
}

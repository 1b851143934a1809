// One replication's region: the simulation, random streams, schools, care pools, escalation bodies,
// budgets and measures, plus the few operations every pathway module shares (schedule the next step,
// make an offer, end an episode). The pathway itself lives in pathway.ts, impasse.ts and regie.ts.
import type { Distribution } from '../engine/distributions/distribution.js';
import { makeDistribution } from '../engine/distributions/spec.js';
import { PiecewiseRate } from '../engine/piecewise-rate.js';
import { Priority } from '../engine/priority.js';
import type { RandomStreams } from '../engine/random.js';
import { Resource } from '../engine/resource.js';
import type { Simulation } from '../engine/simulation.js';
import type { CareType, Scenario, Sector } from '../../scenarios/schema.js';
import { CARE_TYPES, SECTORS } from '../../scenarios/schema.js';
import type { BodyEntry, MeetingBodyName } from './bodies.js';
import { MEETING_BODIES, bodyTable } from './bodies.js';
import { CarePool } from './care-pool.js';
import type { Episode } from './episode.js';
import type { EpisodeSink } from './episode-record.js';
import { meanHoldWeeks } from './exemption-hold.js';
import { Ledger } from './ledger.js';
import { MaatwerkPlaces } from './maatwerk.js';
import { Measures } from './measures.js';
import { MeetingBody, phaseOf, splitCapacity } from './meeting-body.js';
import type { School } from './school.js';
import { makeSchools } from './school.js';
import type { Stage } from './vocabulary.js';
import { WEEKS_PER_YEAR } from './vocabulary.js';
import { scenarioVersions } from './scenario-versions.js';

export type { MeetingBodyName } from './bodies.js';

/**
 * What the pathway modules above the model must hand it, all required so none can be forgotten: what
 * happens when needed care starts or a stepped-care trial ends, when a maatwerk place comes free, and
 * how a relapse starts a new episode of the same pupil.
 */
export interface ModelWiring {
  careStarted(episode: Episode): void;
  trialEnded(episode: Episode): void;
  maatwerkGranted(episode: Episode): void;
  relapse(episode: Episode, t: number): void;
}

/** The scenario's distributions, built once per replication. */
interface Durations {
  illness: Distribution;
  relapseGap: Distribution;
  goodRegistration: Distribution;
  poorRegistration: Distribution;
  notEnrolled: Distribution;
  maskedConversion: Distribution;
  youthHealthCheck: Distribution;
  noMdtReferral: Distribution;
  simpleResolution: Distribution;
  ownSchoolReturn: Distribution;
  placeSearch: Distribution;
  negotiation: Distribution;
  spontaneous: Distribution;
  forcePlace: Distribution;
  exemptionApply: Distribution;
  exemptionDecision: Distribution;
  steppedTrial: Distribution;
  handling: Record<MeetingBodyName, Distribution>;
}

export class RegionModel {
  /** The scenario in force now: decisions read it when they are taken (the timeline switches it). */
  scenario: Scenario;
  schools: Record<Sector, School[]>;
  readonly care: Record<CareType, CarePool>[];
  readonly bodies: Record<MeetingBodyName, MeetingBody>[];
  readonly caseload: Resource<Episode>[];
  readonly maatwerk: MaatwerkPlaces[];
  bodyTable: Record<MeetingBodyName, BodyEntry>;
  durations: Durations;
  /** The scenario's versions over the run, each with the simulated time it takes effect (the first at 0). */
  readonly versions: ReadonlyArray<TimedVersion>;
  readonly ledger: Ledger;
  readonly measures: Measures;
  readonly measuredStart: number;
  readonly measuredEnd: number;
  readonly horizon: number;
  readonly open = new Set<Episode>();
  episodesInPeriod = 0;

  constructor(
    readonly sim: Simulation,
    readonly streams: RandomStreams,
    scenario: Scenario,
    readonly replication: number,
    readonly sink: EpisodeSink | undefined,
    readonly wiring: ModelWiring,
  ) {
    this.measuredStart = scenario.warmupYears * WEEKS_PER_YEAR;
    this.measuredEnd = this.measuredStart + scenario.measuredYears * WEEKS_PER_YEAR;
    this.horizon = this.measuredEnd + scenario.followUpYears * WEEKS_PER_YEAR;
    this.versions = timedVersions(scenario, this.measuredStart);
    const initial = (this.versions[0] as TimedVersion).scenario;
    this.scenario = initial;
    this.measures = new Measures(this.measuredStart, this.measuredEnd, scenario.measuredYears);
    this.ledger = new Ledger(
      this.measuredStart, this.measuredEnd,
      () => this.scenario.policy.budgets.potEurPerYear, initial.policy.budgets.potShareSwv, () => this.scenario.care.extraCareBudgetEurPerYear,
    );
    this.schools = Object.fromEntries(SECTORS.map((s) => [s, makeSchools(streams, initial, s)])) as Record<Sector, School[]>;
    this.bodyTable = bodyTable(initial);
    this.durations = buildDurations(initial, this.bodyTable);

    const primaryShare = primaryShareOf(initial);
    const levels = [0, 1] as const;
    const careListener = { careStarted: wiring.careStarted, trialEnded: wiring.trialEnded };
    this.care = levels.map((level) => {
      const pools = {} as Record<CareType, CarePool>;
      for (const type of CARE_TYPES) {
        const background = this.rateOver((v) => (v.care[type].backgroundReferralsPerYear * levelShare(primaryShareOf(v), level)) / WEEKS_PER_YEAR);
        pools[type] = new CarePool(
          sim, streams, type, level, initial, primaryShare, this.ledger, this.measures, careListener,
          initial.costs.waitingListBypassPremium, this.horizon, background,
        );
      }
      return pools;
    });
    this.bodies = levels.map((level) => {
      const bodies = {} as Record<MeetingBodyName, MeetingBody>;
      for (const name of MEETING_BODIES) {
        const spec = this.bodyTable[name].spec;
        const slots = splitCapacity(spec.slotsPerMeeting, primaryShare)[level];
        const phase = phaseOf(streams.stream('body.phase', `${name}.${level}`), spec.cadenceWeeks);
        bodies[name] = new MeetingBody(name, spec.cadenceWeeks, slots, phase);
      }
      return bodies;
    });
    const r = initial.policy.casusregisseur;
    this.caseload = levels.map(
      (level) => new Resource<Episode>(sim, { name: `casusregisseur.${level}`, capacity: splitCapacity(r.caseload, primaryShare)[level] }),
    );
    this.chargeCasusregisseurStaff();
    const p = initial.region.pupils;
    this.maatwerk = levels.map((level) => {
      const places = splitCapacity(initial.policy.maatwerk.places, primaryShare)[level];
      const direct = initial.escalation.exemption.directPerThousand;
      const sectors = level === 0 ? (['PO', 'SO'] as const) : (['VO', 'VSO'] as const);
      const perYear = sectors.reduce((sum, sector) => sum + (p[sector] * direct[sector]) / 1000, 0);
      const renewal = initial.escalation.exemption.renewalProbability;
      // With exemptions abolished long ago, the routes that replace them are already running at the start.
      const starting = initial.policy.exemptions === 'abolished' ? Math.round((perYear / WEEKS_PER_YEAR) * meanHoldWeeks(renewal)) : 0;
      return new MaatwerkPlaces(sim, streams, level, places, starting, renewal, wiring.maatwerkGranted);
    });
    for (const version of this.versions.slice(1)) sim.at(version.time, switchVersion, { model: this, version }, Priority.Release);
  }

  /**
   * A rate that follows the scenario's versions (and, with `trend`, its yearly trend from the first measured
   * year on): a plain number when it never changes, so a run without a timeline draws exactly as before.
   */
  rateOver(rate: (scenario: Scenario) => number, trend: (year: number) => number = () => 1): number | PiecewiseRate {
    const starts = new Set(this.versions.map((v) => v.time));
    for (let t = this.measuredStart + WEEKS_PER_YEAR; t < this.horizon; t += WEEKS_PER_YEAR) starts.add(t);
    const times = [...starts].sort((a, b) => a - b);
    const pieces: { start: number; rate: number }[] = [];
    for (const time of times) {
      const year = time < this.measuredStart ? 0 : Math.floor((time - this.measuredStart) / WEEKS_PER_YEAR);
      const value = rate(versionAt(this.versions, time).scenario) * trend(year);
      if (pieces.length === 0 || (pieces[pieces.length - 1] as { rate: number }).rate !== value) pieces.push({ start: time, rate: value });
    }
    if (pieces.length === 1) return (pieces[0] as { rate: number }).rate;
    return new PiecewiseRate(pieces.map((p) => p.start), pieces.map((p) => p.rate));
  }

  /**
   * Casusregisseurs are staff: paid for every place of the caseload, used or not, for the time each
   * version is in force (one charge per year when nothing changes).
   */
  private chargeCasusregisseurStaff(): void {
    for (let y = 0; y < this.scenario.measuredYears; y++) {
      const from = this.measuredStart + y * WEEKS_PER_YEAR;
      const to = from + WEEKS_PER_YEAR;
      const cuts = [from, ...this.versions.map((v) => v.time).filter((t) => t > from && t < to), to];
      for (let i = 0; i + 1 < cuts.length; i++) {
        const r = versionAt(this.versions, cuts[i] as number).scenario.policy.casusregisseur;
        const share = ((cuts[i + 1] as number) - (cuts[i] as number)) / WEEKS_PER_YEAR;
        if (r.enabled) this.ledger.chargeShared(r.caseload * r.staffCostEurPerPlacePerYear * share, cuts[i] as number, 'casusregisseur');
      }
    }
  }

  /**
   * Puts a new version of the scenario in force. Capacities act on the resources (a lower capacity lets
   * running services finish); everything else is read by decisions taken from now on.
   */
  applyVersion(next: Scenario): void {
    const previous = this.scenario;
    this.scenario = next;
    this.bodyTable = bodyTable(next);
    this.durations = buildDurations(next, this.bodyTable);
    if (JSON.stringify([previous.school, previous.policy.prevention]) !== JSON.stringify([next.school, next.policy.prevention])) {
      this.schools = Object.fromEntries(SECTORS.map((s) => [s, makeSchools(this.streams, next, s)])) as Record<Sector, School[]>;
    }
    const share = primaryShareOf(next);
    for (const level of [0, 1] as const) {
      (this.caseload[level] as Resource<Episode>).setCapacity(splitCapacity(next.policy.casusregisseur.caseload, share)[level]);
      (this.maatwerk[level] as MaatwerkPlaces).resource.setCapacity(splitCapacity(next.policy.maatwerk.places, share)[level]);
      for (const type of CARE_TYPES) (this.care[level] as Record<CareType, CarePool>)[type].apply(next, share);
      const bodies = this.bodies[level] as Record<MeetingBodyName, MeetingBody>;
      for (const name of MEETING_BODIES) {
        const spec = this.bodyTable[name].spec;
        bodies[name] = bodies[name].changed(spec.cadenceWeeks, splitCapacity(spec.slotsPerMeeting, share)[level], this.sim.now);
      }
    }
  }

  /** Replaces the episode's pending pathway step with `handler` at time t (never before now). */
  schedulePath(episode: Episode, t: number, handler: (episode: Episode) => void): void {
    this.cancelPath(episode);
    const time = Math.max(t, this.sim.now);
    episode.pathTime = time;
    episode.pathHandler = handler;
    episode.pathToken = this.sim.at(time, handler, episode, Priority.Decision);
  }

  cancelPath(episode: Episode): void {
    if (episode.pathToken !== null) this.sim.cancel(episode.pathToken);
    episode.pathToken = null;
    episode.pathTime = NaN;
    episode.pathHandler = null;
  }

  enter(episode: Episode, stage: Stage | null): void {
    episode.enterStage(this.sim.now, stage);
  }

  /** Writes a finished (or, at the horizon, still open) episode to the measures and the sink. */
  record(episode: Episode): void {
    this.measures.episode(episode, this.horizon);
    if (this.sink !== undefined) this.sink.write(episode.toRecord(this.replication));
  }
}

export interface TimedVersion {
  /** Simulated time it takes effect: 0 for the state at the start (the warm-up runs under it). */
  time: number;
  scenario: Scenario;
}

function timedVersions(scenario: Scenario, measuredStart: number): TimedVersion[] {
  return scenarioVersions(scenario).map((v) => ({ time: v.week <= 0 ? 0 : measuredStart + v.week, scenario: v.scenario }));
}

function versionAt(versions: readonly TimedVersion[], t: number): TimedVersion {
  let found = versions[0] as TimedVersion;
  for (const v of versions) if (v.time <= t) found = v;
  return found;
}

function switchVersion(payload: { model: RegionModel; version: TimedVersion }): void {
  payload.model.applyVersion(payload.version.scenario);
}

/** Primary education's share of the pupils: how regional capacities split over the two school levels. */
function primaryShareOf(s: Scenario): number {
  const p = s.region.pupils;
  const total = p.PO + p.SO + p.VO + p.VSO;
  return total === 0 ? 0.5 : (p.PO + p.SO) / total;
}

function levelShare(primaryShare: number, level: 0 | 1): number {
  return level === 0 ? primaryShare : 1 - primaryShare;
}

function buildDurations(s: Scenario, bodies: Record<MeetingBodyName, BodyEntry>): Durations {
  const d = makeDistribution;
  return {
    illness: d(s.onset.illnessWeeks),
    relapseGap: d(s.onset.relapseGapWeeks),
    goodRegistration: d(s.detection.goodRegistrationWeeks),
    poorRegistration: d(s.detection.poorRegistrationWeeks),
    notEnrolled: d(s.detection.notEnrolledWeeks),
    maskedConversion: d(s.detection.maskedConversionWeeks),
    youthHealthCheck: d(s.detection.youthHealthCheckWeeks),
    noMdtReferral: d(s.school.noMdtReferralWeeks),
    simpleResolution: d(s.school.simpleResolutionWeeks),
    ownSchoolReturn: d(s.pathway.ownSchoolReturnWeeks),
    placeSearch: d(s.pathway.placeSearchWeeks),
    negotiation: d(s.pathway.negotiationWeeks),
    spontaneous: d(s.pathway.spontaneousResolutionWeeks),
    forcePlace: d(s.policy.casusregisseur.forcePlaceWeeks),
    exemptionApply: d(s.escalation.exemption.applyAfterWeeks),
    exemptionDecision: d(s.escalation.exemption.decisionWeeks),
    steppedTrial: d(s.care.steppedCare.trialWeeks),
    handling: Object.fromEntries(MEETING_BODIES.map((name) => [name, d(bodies[name].spec.handlingWeeks)])) as Record<MeetingBodyName, Distribution>,
  };
}

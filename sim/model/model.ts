// One replication's region: the simulation, random streams, schools, care pools, escalation bodies,
// budgets and measures, plus the few operations every pathway module shares (schedule the next step,
// make an offer, end an episode). The pathway itself lives in pathway.ts, impasse.ts and regie.ts.
import type { Distribution } from '../engine/distributions/distribution.js';
import { makeDistribution } from '../engine/distributions/spec.js';
import { Priority } from '../engine/priority.js';
import type { RandomStreams } from '../engine/random.js';
import { Resource } from '../engine/resource.js';
import type { Simulation } from '../engine/simulation.js';
import type { CareType, Scenario, Sector } from '../../scenarios/schema.js';
import { CARE_TYPES, SECTORS } from '../../scenarios/schema.js';
import { CarePool } from './care-pool.js';
import type { Episode } from './episode.js';
import type { EpisodeSink } from './episode-record.js';
import { Ledger } from './ledger.js';
import { Measures } from './measures.js';
import { MeetingBody, phaseOf, splitCapacity } from './meeting-body.js';
import type { School } from './school.js';
import { makeSchools } from './school.js';
import type { Stage } from './vocabulary.js';
import { WEEKS_PER_YEAR } from './vocabulary.js';

export type MeetingBodyName = 'leerplicht' | 'actietafel' | 'om' | 'rvdk' | 'interventieteam' | 'doorbraakteam' | 'arbitrage';

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
  handling: Record<MeetingBodyName, Distribution>;
}

export class RegionModel {
  readonly schools: Record<Sector, School[]>;
  readonly care: Record<CareType, CarePool>[];
  readonly bodies: Record<MeetingBodyName, MeetingBody>[];
  readonly caseload: Resource<Episode>[];
  readonly durations: Durations;
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
    readonly scenario: Scenario,
    readonly replication: number,
    readonly sink: EpisodeSink | undefined,
  ) {
    this.measuredStart = scenario.warmupYears * WEEKS_PER_YEAR;
    this.measuredEnd = this.measuredStart + scenario.measuredYears * WEEKS_PER_YEAR;
    this.horizon = this.measuredEnd + scenario.followUpYears * WEEKS_PER_YEAR;
    this.measures = new Measures(this.measuredStart, this.measuredEnd, scenario.measuredYears);
    this.ledger = new Ledger(this.measuredStart, this.measuredEnd, scenario.policy.budgets.potEurPerYear);
    this.schools = Object.fromEntries(SECTORS.map((s) => [s, makeSchools(streams, scenario, s)])) as Record<Sector, School[]>;
    this.durations = buildDurations(scenario);

    const p = scenario.region.pupils;
    const total = p.PO + p.SO + p.VO + p.VSO;
    const primaryShare = total === 0 ? 0.5 : (p.PO + p.SO) / total;
    const levels = [0, 1] as const;
    this.care = levels.map((level) => {
      const pools = {} as Record<CareType, CarePool>;
      for (const type of CARE_TYPES) {
        const c = scenario.care[type];
        const capacity = splitCapacity(c.capacity, primaryShare)[level];
        const background = c.backgroundReferralsPerYear * (level === 0 ? primaryShare : 1 - primaryShare);
        pools[type] = new CarePool(
          sim,
          streams,
          type,
          level,
          capacity,
          background,
          makeDistribution(c.serviceWeeks),
          c.discipline === 'thuiszitter-priority',
          (episode) => this.onCareStarted(episode),
          (episode, weeks, bypassed) => this.chargeCare(episode, weeks, bypassed),
        );
        pools[type].startBackground(this.horizon, splitCapacity(c.initialWaiting, primaryShare)[level]);
      }
      return pools;
    });
    const e = scenario.escalation;
    const r = scenario.policy.casusregisseur;
    const specs: Record<MeetingBodyName, { cadenceWeeks: number; slotsPerMeeting: number }> = {
      leerplicht: e.leerplicht,
      actietafel: e.actietafel,
      om: e.om,
      rvdk: e.rvdk,
      interventieteam: e.interventieteam.body,
      doorbraakteam: r.doorbraakteam,
      arbitrage: r.arbitrationBody,
    };
    this.bodies = levels.map((level) => {
      const bodies = {} as Record<MeetingBodyName, MeetingBody>;
      for (const [name, spec] of Object.entries(specs) as [MeetingBodyName, { cadenceWeeks: number; slotsPerMeeting: number }][]) {
        const slots = splitCapacity(spec.slotsPerMeeting, primaryShare)[level];
        const phase = phaseOf(streams.stream('body.phase', `${name}.${level}`), spec.cadenceWeeks);
        bodies[name] = new MeetingBody(name, spec.cadenceWeeks, slots, phase);
      }
      return bodies;
    });
    this.caseload = levels.map(
      (level) => new Resource<Episode>(sim, { name: `casusregisseur.${level}`, capacity: splitCapacity(r.caseload, primaryShare)[level] }),
    );
  }

  /** Set by pathway.ts: what happens when an episode's care starts (attendance may follow). */
  careStartedHandler: (episode: Episode) => void = () => undefined;
  /** Set by onset.ts: starts a relapse of the same pupil at time t. */
  relapseHandler: (episode: Episode, t: number) => void = () => undefined;

  private onCareStarted(episode: Episode): void {
    this.measures.careWait(episode.needs.careType as CareType, this.sim.now - episode.referral, this.sim.now);
    this.careStartedHandler(episode);
  }

  /** `bypassed` is passed, never inferred from the token: a free slot is granted before the token is kept. */
  private chargeCare(episode: Episode, weeks: number, bypassed: boolean): void {
    const c = this.scenario.care[episode.needs.careType as CareType];
    const premium = bypassed ? 1 + this.scenario.costs.waitingListBypassPremium : 1;
    this.ledger.charge('gemeente', weeks * c.weeklyCostEur * premium, this.sim.now);
  }

  /** Replaces the episode's pending pathway step with `handler` at time t (never before now). */
  schedulePath(episode: Episode, t: number, handler: (episode: Episode) => void): void {
    this.cancelPath(episode);
    const time = Math.max(t, this.sim.now);
    episode.pathTime = time;
    episode.pathToken = this.sim.at(time, handler, episode, Priority.Decision);
  }

  cancelPath(episode: Episode): void {
    if (episode.pathToken !== null) this.sim.cancel(episode.pathToken);
    episode.pathToken = null;
    episode.pathTime = NaN;
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

function buildDurations(s: Scenario): Durations {
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
    handling: {
      leerplicht: d(s.escalation.leerplicht.handlingWeeks),
      actietafel: d(s.escalation.actietafel.handlingWeeks),
      om: d(s.escalation.om.handlingWeeks),
      rvdk: d(s.escalation.rvdk.handlingWeeks),
      interventieteam: d(s.escalation.interventieteam.body.handlingWeeks),
      doorbraakteam: d(s.policy.casusregisseur.doorbraakteam.handlingWeeks),
      arbitrage: d(s.policy.casusregisseur.arbitrationBody.handlingWeeks),
    },
  };
}

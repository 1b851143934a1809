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
  readonly schools: Record<Sector, School[]>;
  readonly care: Record<CareType, CarePool>[];
  readonly bodies: Record<MeetingBodyName, MeetingBody>[];
  readonly caseload: Resource<Episode>[];
  readonly maatwerk: MaatwerkPlaces[];
  readonly bodyTable: Record<MeetingBodyName, BodyEntry>;
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
    readonly wiring: ModelWiring,
  ) {
    this.measuredStart = scenario.warmupYears * WEEKS_PER_YEAR;
    this.measuredEnd = this.measuredStart + scenario.measuredYears * WEEKS_PER_YEAR;
    this.horizon = this.measuredEnd + scenario.followUpYears * WEEKS_PER_YEAR;
    this.measures = new Measures(this.measuredStart, this.measuredEnd, scenario.measuredYears);
    const budgets = scenario.policy.budgets;
    this.ledger = new Ledger(this.measuredStart, this.measuredEnd, budgets.potEurPerYear, budgets.potShareSwv, scenario.care.extraCareBudgetEurPerYear);
    this.schools = Object.fromEntries(SECTORS.map((s) => [s, makeSchools(streams, scenario, s)])) as Record<Sector, School[]>;
    this.bodyTable = bodyTable(scenario);
    this.durations = buildDurations(scenario, this.bodyTable);

    const p = scenario.region.pupils;
    const total = p.PO + p.SO + p.VO + p.VSO;
    const primaryShare = total === 0 ? 0.5 : (p.PO + p.SO) / total;
    const levels = [0, 1] as const;
    const careListener = { careStarted: wiring.careStarted, trialEnded: wiring.trialEnded };
    this.care = levels.map((level) => {
      const pools = {} as Record<CareType, CarePool>;
      for (const type of CARE_TYPES) {
        pools[type] = new CarePool(
          sim, streams, type, level, scenario, primaryShare, this.ledger, this.measures, careListener,
          scenario.costs.waitingListBypassPremium, this.horizon,
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
    const r = scenario.policy.casusregisseur;
    this.caseload = levels.map(
      (level) => new Resource<Episode>(sim, { name: `casusregisseur.${level}`, capacity: splitCapacity(r.caseload, primaryShare)[level] }),
    );
    if (r.enabled) {
      // Casusregisseurs are staff: paid for every place of the caseload, used or not.
      for (let y = 0; y < scenario.measuredYears; y++) {
        this.ledger.chargeShared(r.caseload * r.staffCostEurPerPlacePerYear, this.measuredStart + y * WEEKS_PER_YEAR, 'casusregisseur');
      }
    }
    this.maatwerk = levels.map((level) => {
      const places = splitCapacity(scenario.policy.maatwerk.places, primaryShare)[level];
      const direct = scenario.escalation.exemption.directPerThousand;
      const sectors = level === 0 ? (['PO', 'SO'] as const) : (['VO', 'VSO'] as const);
      const perYear = sectors.reduce((sum, sector) => sum + (p[sector] * direct[sector]) / 1000, 0);
      const renewal = scenario.escalation.exemption.renewalProbability;
      // With exemptions abolished long ago, the routes that replace them are already running at the start.
      const starting = scenario.policy.exemptions === 'abolished' ? Math.round((perYear / WEEKS_PER_YEAR) * meanHoldWeeks(renewal)) : 0;
      return new MaatwerkPlaces(sim, streams, level, places, starting, renewal, wiring.maatwerkGranted);
    });
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

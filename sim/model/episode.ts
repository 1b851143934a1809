// The state of one absence episode of one pupil. Plain fields (no closures) keep a national run's
// hundreds of thousands of episodes cheap; the pathway modules move an episode through its stages.
import type { EventToken } from '../engine/simulation.js';
import type { RequestToken } from '../engine/resource.js';
import type { Rng } from '../engine/random.js';
import type { Sector } from '../../scenarios/schema.js';
import type { Body, EndKind, Level, OnsetKind, Stage } from './vocabulary.js';
import { BODIES, BODY_INDEX, STAGES, STAGE_INDEX } from './vocabulary.js';
import type { PupilNeeds } from './pupil.js';
import type { EpisodeRecord } from './episode-record.js';
import type { CarePool } from './care-pool.js';
import type { RegionModel } from './model.js';

/** What blocks the plan: no school place, nobody pays, parents and professionals disagree, or the care it needs does not come. */
export type ImpasseCause = 'place' | 'funding' | 'parents' | 'care';

export class Episode {
  /** The replication this episode lives in; handlers reach the model through it, so events carry no closures. */
  model!: RegionModel;
  /** Stage durations drawn up front in a fixed order (see pathway.ts), so a skipped stage shifts no later draw. */
  planned!: PlannedDurations;
  /** Set when the bundled pot paid this episode's arrangement (only then is funding no longer a quarrel). */
  potDrawn = false;
  /** Set when a breakthrough removed the obstacles: the remaining steps run without waiting or impasse. */
  expedited = false;
  /** Current stage, or -1 once an offer ends the waiting (or before detection bookkeeping starts). */
  stage = STAGE_INDEX.detection;
  stageStart: number;
  readonly stageWeeks = new Float64Array(STAGES.length);
  /** First week each body took the case up; NaN = never. */
  readonly escalationWeek = new Float64Array(BODIES.length).fill(NaN);

  detection = NaN;
  mdt = NaN;
  referral = NaN;
  careStart = NaN;
  impasseStart = NaN;
  impasseCause: ImpasseCause | null = null;
  offer = NaN;
  attendance = NaN;
  end = NaN;
  endKind: EndKind = 'open';

  /** The one pending pathway event (stage end or next escalation attempt). */
  pathToken: EventToken | null = null;
  pathTime = NaN;
  /** The handler of the pending pathway event, so a body that speeds a case up can move it. */
  pathHandler: ((episode: Episode) => void) | null = null;
  exitToken: EventToken | null = null;
  carePool: CarePool | null = null;
  careToken: RequestToken | null = null;
  /** Stepped care (001): the light trial before the needed care, while it runs. */
  trialPool: CarePool | null = null;
  trialToken: RequestToken | null = null;
  /** A maatwerk case's place (or its place on the list), and how long its learning route runs. */
  maatwerkToken: RequestToken | null = null;
  maatwerkWeeks = 0;
  careAlternativeToken: EventToken | null = null;
  /** Casusregisseur: pending intake event, caseload token once taken up, and the week-8/12 review. */
  regieToken: EventToken | null = null;
  caseloadToken: RequestToken | null = null;
  regieStart = NaN;
  /** Impasse routes still running (see impasse.ts), each with its next attempt time. */
  routes: ImpasseRoute[] = [];
  /** What follows when a body breaks the impasse: given by whoever started it (an offer, or care found). */
  impasseResolved: ((episode: Episode) => void) | null = null;

  constructor(
    readonly pupilId: number,
    readonly episodeIndex: number,
    readonly sector: Sector,
    readonly level: Level,
    readonly kind: OnsetKind,
    readonly masked: boolean,
    readonly onset: number,
    /** When the legal definition starts counting; NaN for authorised absence that never converts. */
    public legalStart: number,
    readonly needs: PupilNeeds,
    /** Stage durations, in a fixed order of use per stage. */
    readonly timing: Rng,
    /** Outcomes of escalation attempts (success or not), one draw per attempt. */
    readonly decisions: Rng,
    /**
     * Handling times at each body, one stream per body: how many attempts came before depends on
     * policy, so a shared stream would give the same child a different handling time per scenario.
     */
    private readonly handlingStream: (body: Body) => Rng,
  ) {
    this.stageStart = onset;
  }

  private readonly handlingStreams = new Map<Body, Rng>();

  handling(body: Body): Rng {
    let stream = this.handlingStreams.get(body);
    if (stream === undefined) {
      stream = this.handlingStream(body);
      this.handlingStreams.set(body, stream);
    }
    return stream;
  }

  get ended(): boolean {
    return this.endKind !== 'open';
  }

  get hasOffer(): boolean {
    return !Number.isNaN(this.offer);
  }

  /** Complexity on the ladder of effectiveness (0 simple .. 4 stagnation) at time t (004 5.1, 5.3). */
  complexityAt(t: number): number {
    const steps = this.needs.stepTimes;
    let level = this.needs.complexity;
    for (let i = 0; i < steps.length && (steps[i] as number) <= t; i++) level++;
    return level;
  }

  /** Closes the current stage at time t and opens `next` (or none). */
  enterStage(t: number, next: Stage | null): void {
    if (this.stage >= 0) this.stageWeeks[this.stage] = (this.stageWeeks[this.stage] as number) + (t - this.stageStart);
    this.stage = next === null ? -1 : STAGE_INDEX[next];
    this.stageStart = t;
  }

  /** Records the first time a body takes the case up; returns true if this is the first time. */
  reach(body: Body, t: number): boolean {
    const i = BODY_INDEX[body];
    if (!Number.isNaN(this.escalationWeek[i] as number)) return false;
    this.escalationWeek[i] = t;
    return true;
  }

  toRecord(replication: number): EpisodeRecord {
    const week = (x: number): number | null => (Number.isNaN(x) ? null : x);
    const escalationWeek = {} as Record<Body, number | null>;
    BODIES.forEach((body, i) => {
      escalationWeek[body] = week(this.escalationWeek[i] as number);
    });
    return {
      replication,
      pupilId: this.pupilId,
      episodeIndex: this.episodeIndex,
      sector: this.sector,
      onsetKind: this.kind,
      masked: this.masked,
      careType: this.needs.careType,
      onsetWeek: this.onset,
      legalWeek: week(this.legalStart),
      detectionWeek: week(this.detection),
      mdtWeek: week(this.mdt),
      referralWeek: week(this.referral),
      careStartWeek: week(this.careStart),
      impasseWeek: week(this.impasseStart),
      impasseCause: this.impasseCause,
      escalationWeek,
      offerWeek: week(this.offer),
      attendanceWeek: week(this.attendance),
      endWeek: week(this.end),
      endKind: this.endKind,
    };
  }
}

/** One line of escalation running in parallel with others during an impasse. */
export interface ImpasseRoute {
  /**
   * 'ladder': a rung of the escalation ladder (ladder.ts); 'om-deadline': the OM referral that stands due
   * at week 13 while a conflict with parents lasts (004 6.11).
   */
  readonly kind: 'ladder' | 'enforcement' | 'exemption' | 'regie' | 'om-deadline';
  /** Position within the route's own chain of bodies. */
  step: number;
  /** When the body meets on the case, and when the attempt's outcome is known; Infinity = finished. */
  meeting: number;
  next: number;
  /** Body and success chance of the attempt due at `next`. */
  body: Body;
  success: number;
  /** A referral booked for later (`referAt`) is counted once it falls due (see referral.ts). */
  referPending: boolean;
  referAt: number;
  /** A ladder rung's retry interval after a failed attempt; null: the rung is done. */
  retryWeeks: number | null;
}

export interface PlannedDurations {
  registration: number;
  notEnrolled: number;
  conversion: number;
  youthHealthCheck: number;
  noMdtReferral: number;
  simpleResolution: number;
  ownSchoolReturn: number;
  placeSearch: number;
  negotiation: number;
  forcePlace: number;
  exemptionApply: number;
  exemptionDecision: number;
  relapseGap: number;
  /** Weeks an exemption from the escape route is held (renewed per school year). */
  exemptionHold: number;
  /** Weeks of the stepped-care trial (ambulant care first, 001). */
  steppedTrial: number;
  /** Weeks of care once it starts, whether through the waiting list or a bypass. */
  careService: number;
}

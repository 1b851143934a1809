// One care type's slots for one school level: a waiting list shared with background referrals of children
// who are not absent from school. Order on the list: bypasses first (the casusregisseur places "regardless
// of waiting lists", 004 6.7, by taking the next free slot ahead of everyone), then thuiszitters where
// they have priority (Amsterdam, 003), then everyone else first come, first served. A bypass takes real
// capacity: the next free slot, or care bought outside the slots at a premium within a yearly budget
// (Utrecht's "passend alternatief binnen twee weken", 002). Whoever is passed waits longer, and the
// background clients' waits are measured so that the price of priority is visible (003: dividing the cake).
import type { PiecewiseRate } from '../engine/piecewise-rate.js';
import { PoissonArrivals } from '../engine/poisson-arrivals.js';
import { Priority } from '../engine/priority.js';
import type { RandomStreams, Rng } from '../engine/random.js';
import { Resource } from '../engine/resource.js';
import type { RequestToken } from '../engine/resource.js';
import type { Simulation } from '../engine/simulation.js';
import type { Distribution } from '../engine/distributions/distribution.js';
import { makeDistribution } from '../engine/distributions/spec.js';
import type { CareType, Scenario } from '../../scenarios/schema.js';
import type { Episode } from './episode.js';
import type { Ledger } from './ledger.js';
import type { Measures } from './measures.js';
import { splitCapacity } from './meeting-body.js';

/** Priority keys on the waiting list: lower is served first, equal keys in order of arrival. */
const BYPASS_KEY = 0;
const PRIORITY_KEY = 1;
const REGULAR_KEY = 2;

export type BypassMode = 'front-of-queue' | 'buy-extra';

interface BackgroundClient {
  pool: CarePool;
  token: RequestToken | null;
  arrival: number;
  /**
   * Weeks in care, drawn when the client appears. Clients appear in an order no policy changes, while
   * the order they are served in does change (priority, bypasses): drawing at service would hand the
   * k-th client a different length under each policy and break common random numbers.
   */
  serviceWeeks: number;
}

/** What the pathway hears from a pool: the needed care started, or a stepped-care trial ended. */
export interface CareListener {
  careStarted(episode: Episode): void;
  trialEnded(episode: Episode): void;
}

export class CarePool {
  readonly resource: Resource<Episode | BackgroundClient>;
  private readonly serviceRng: Rng;
  private service: Distribution;
  private thuiszitterKey: number;
  private weeklyCost: number;

  constructor(
    private readonly sim: Simulation,
    streams: RandomStreams,
    readonly type: CareType,
    private readonly level: 0 | 1,
    scenario: Scenario,
    primaryShare: number,
    private readonly ledger: Ledger,
    private readonly measures: Measures,
    private readonly listener: CareListener,
    private readonly premium: number,
    until: number,
    backgroundRate: number | PiecewiseRate,
  ) {
    const c = scenario.care[type];
    this.service = makeDistribution(c.serviceWeeks);
    this.weeklyCost = c.weeklyCostEur;
    this.thuiszitterKey = c.discipline === 'thuiszitter-priority' ? PRIORITY_KEY : REGULAR_KEY;
    const capacity = splitCapacity(c.capacity, primaryShare)[level];
    this.resource = new Resource(sim, { name: `care.${type}.${level}`, capacity, discipline: 'priority' });
    this.serviceRng = streams.stream('care.background.service', `${type}.${level}`);
    this.fillAtStart(splitCapacity(c.initialWaiting, primaryShare)[level]);
    const arrivals = new PoissonArrivals(
      sim,
      streams.stream('care.background', `${type}.${level}`),
      backgroundRate,
      until,
      Priority.Admission,
      this,
      (pool) => pool.arriveBackground(),
    );
    arrivals.start(0);
  }

  /** A new version of the scenario: its capacity, service lengths, prices and priority from now on. */
  apply(scenario: Scenario, primaryShare: number): void {
    const c = scenario.care[this.type];
    this.service = makeDistribution(c.serviceWeeks);
    this.weeklyCost = c.weeklyCostEur;
    this.thuiszitterKey = c.discipline === 'thuiszitter-priority' ? PRIORITY_KEY : REGULAR_KEY;
    this.resource.setCapacity(splitCapacity(c.capacity, primaryShare)[this.level]);
  }

  /**
   * The pool starts busy: every slot taken (residual service: a uniform share of a service time) and
   * `waiting` clients already on the list, because a list this heavily loaded takes far longer than any
   * warm-up to fill from empty.
   */
  private fillAtStart(waiting: number): void {
    const slots = this.resource.capacity === Infinity ? 0 : this.resource.capacity;
    for (let i = 0; i < slots + waiting; i++) this.addBackground(i < slots);
  }

  arriveBackground(): void {
    this.addBackground(false);
  }

  private addBackground(residual: boolean): void {
    const service = this.service.sample(this.serviceRng);
    const client: BackgroundClient = {
      pool: this,
      token: null,
      arrival: this.sim.now,
      serviceWeeks: residual ? service * this.serviceRng.next() : service,
    };
    client.token = this.resource.request(client, backgroundGranted, REGULAR_KEY);
  }

  grantBackground(client: BackgroundClient): void {
    this.measures.careWaitOthers(this.type, this.sim.now - client.arrival, this.sim.now);
    this.sim.after(client.serviceWeeks, backgroundRelease, client, Priority.Release);
  }

  /** A service length from this pool's distribution, on the caller's stream (a pupil's own). */
  drawService(rng: Rng): number {
    return this.service.sample(rng);
  }

  /** Puts a thuiszitter on the waiting list; care starts when a slot is granted. */
  refer(episode: Episode): void {
    episode.carePool = this;
    episode.careToken = this.resource.request(episode, episodeGranted, this.thuiszitterKey);
  }

  grantEpisode(episode: Episode): void {
    const weeks = episode.planned.careService;
    this.sim.after(weeks, episodeRelease, episode, Priority.Release);
    this.ledger.charge('gemeente', weeks * this.weeklyCost, this.sim.now, 'care');
    this.started(episode);
  }

  /** Stepped care (001): a light trial in this pool first; the needed care is referred when it ends. */
  referTrial(episode: Episode): void {
    episode.trialPool = this;
    episode.trialToken = this.resource.request(episode, trialGranted, this.thuiszitterKey);
  }

  grantTrial(episode: Episode): void {
    const weeks = episode.planned.steppedTrial;
    this.ledger.charge('gemeente', weeks * this.weeklyCost, this.sim.now, 'care');
    this.sim.after(weeks, trialRelease, episode, Priority.Release);
  }

  /** Ends a trial early or at its end: the slot (or the place on the list) is given back. */
  endTrial(episode: Episode): void {
    const token = episode.trialToken;
    if (token === null) return;
    // Cleared before the release: a release admits the next client at once, whose handlers may reach
    // this episode again (a casusregisseur's intake bypassing its trial) and must find the trial gone.
    episode.trialToken = null;
    episode.trialPool = null;
    if (token.granted) this.resource.release(token);
    else this.resource.withdraw(token);
  }

  private started(episode: Episode): void {
    episode.careStart = this.sim.now;
    this.measures.careWait(this.type, this.sim.now - episode.referral, this.sim.now);
    this.listener.careStarted(episode);
  }

  /**
   * Care now, past the waiting list. 'front-of-queue' takes the next free slot ahead of everyone;
   * 'buy-extra' buys care outside the slots at the premium while the year's budget lasts, else falls back
   * to the front of the queue. Returns false if care had already started.
   */
  bypass(episode: Episode, mode: BypassMode): boolean {
    if (!Number.isNaN(episode.careStart)) return false;
    if (episode.careToken !== null && episode.careToken.granted) return false;
    const waiting = episode.careToken;
    episode.careToken = null;
    episode.carePool = this;
    if (waiting !== null) this.resource.withdraw(waiting);
    const weeks = episode.planned.careService;
    const eur = weeks * this.weeklyCost * (1 + this.premium);
    if (mode === 'buy-extra' && this.ledger.takeExtraCare(eur, this.sim.now)) {
      this.ledger.charge('gemeente', eur, this.sim.now, 'care');
      this.started(episode);
      return true;
    }
    episode.careToken = this.resource.request(episode, episodeGranted, BYPASS_KEY);
    return true;
  }

  /** Leaves the waiting list when the episode ends before care starts. */
  leave(episode: Episode): void {
    const token = episode.careToken;
    if (token !== null && !token.granted) {
      episode.careToken = null;
      this.resource.withdraw(token);
    }
  }

  release(token: RequestToken): void {
    this.resource.release(token);
  }

  trialEnded(episode: Episode): void {
    this.endTrial(episode);
    this.listener.trialEnded(episode);
  }
}

function trialGranted(item: Episode | BackgroundClient): void {
  const episode = item as Episode;
  episode.trialPool?.grantTrial(episode);
}

function trialRelease(episode: Episode): void {
  // A trial cut short (a bypass, the end of the episode) has no token left: nothing to do.
  if (episode.trialToken !== null && episode.trialToken.granted) episode.trialPool?.trialEnded(episode);
}

function backgroundGranted(item: Episode | BackgroundClient): void {
  const client = item as BackgroundClient;
  client.pool.grantBackground(client);
}

function backgroundRelease(client: BackgroundClient): void {
  if (client.token !== null) client.pool.release(client.token);
}

function episodeGranted(item: Episode | BackgroundClient): void {
  const episode = item as Episode;
  poolOf(episode).grantEpisode(episode);
}

function episodeRelease(episode: Episode): void {
  if (episode.careToken !== null) poolOf(episode).release(episode.careToken);
}

function poolOf(episode: Episode): CarePool {
  if (episode.carePool === null) throw new Error(`care: episode of pupil ${episode.pupilId} has no care pool`);
  return episode.carePool;
}

// One care type's slots for one school level: a waiting list (FIFO, or thuiszitters first as Amsterdam
// asked, 003) shared with background referrals of children who are not absent from school. Background
// demand is what a priority rule lets thuiszitters overtake; without it priority would have no one to pass.
import { Priority } from '../engine/priority.js';
import type { RandomStreams, Rng } from '../engine/random.js';
import { Resource } from '../engine/resource.js';
import type { RequestToken } from '../engine/resource.js';
import type { Simulation } from '../engine/simulation.js';
import type { Distribution } from '../engine/distributions/distribution.js';
import type { CareType } from '../../scenarios/schema.js';
import type { Episode } from './episode.js';
import { WEEKS_PER_YEAR } from './vocabulary.js';

/** Priority key on the waiting list: lower is served first. */
const THUISZITTER_KEY = 0;
const BACKGROUND_KEY = 1;

interface BackgroundClient {
  pool: CarePool;
  token: RequestToken | null;
  /**
   * Weeks in care, drawn when the client appears. Clients appear in an order no policy changes, while
   * the order they are served in does change (priority, bypasses): drawing at service would hand the
   * k-th client a different length under each policy and break common random numbers.
   */
  serviceWeeks: number;
}

export class CarePool {
  readonly resource: Resource<Episode | BackgroundClient>;
  private readonly arrivalRng: Rng;
  private readonly serviceRng: Rng;
  private readonly backgroundRatePerWeek: number;
  private backgroundUntil = 0;

  constructor(
    private readonly sim: Simulation,
    streams: RandomStreams,
    readonly type: CareType,
    level: number,
    capacity: number,
    backgroundPerYear: number,
    private readonly service: Distribution,
    priority: boolean,
    private readonly onEpisodeStarted: (episode: Episode) => void,
    private readonly onEpisodeCareCost: (episode: Episode, serviceWeeks: number, bypassed: boolean) => void,
  ) {
    this.resource = new Resource(sim, { name: `care.${type}.${level}`, capacity, discipline: priority ? 'priority' : 'fifo' });
    this.arrivalRng = streams.stream('care.background', `${type}.${level}`);
    this.serviceRng = streams.stream('care.background.service', `${type}.${level}`);
    this.backgroundRatePerWeek = backgroundPerYear / WEEKS_PER_YEAR;
  }

  /**
   * Starts the Poisson stream of background referrals, running until `until`. The pool starts busy: every
   * slot taken (residual service: a uniform share of a service time) and `waiting` clients already on the
   * list, because a list this heavily loaded takes far longer than any warm-up to fill from empty.
   */
  startBackground(until: number, waiting: number): void {
    this.backgroundUntil = until;
    const slots = this.resource.capacity === Infinity ? 0 : this.resource.capacity;
    for (let i = 0; i < slots + waiting; i++) {
      // Clients in service at the start have only the rest of a service time left.
      const client = this.newBackgroundClient(i < slots);
      client.token = this.resource.request(client, backgroundGranted, BACKGROUND_KEY);
    }
    if (this.backgroundRatePerWeek > 0) this.scheduleBackground(0);
  }

  private scheduleBackground(from: number): void {
    const t = from - Math.log(1 - this.arrivalRng.next()) / this.backgroundRatePerWeek;
    if (t < this.backgroundUntil) this.sim.at(t, backgroundArrival, this, Priority.Admission);
  }

  arriveBackground(): void {
    const client = this.newBackgroundClient(false);
    client.token = this.resource.request(client, backgroundGranted, BACKGROUND_KEY);
    this.scheduleBackground(this.sim.now);
  }

  /** A service length from this pool's distribution, on the caller's stream (a pupil's own). */
  drawService(rng: Rng): number {
    return this.service.sample(rng);
  }

  private newBackgroundClient(residual: boolean): BackgroundClient {
    const service = this.service.sample(this.serviceRng);
    return { pool: this, token: null, serviceWeeks: residual ? service * this.serviceRng.next() : service };
  }

  grantBackground(client: BackgroundClient): void {
    this.sim.after(client.serviceWeeks, backgroundRelease, client, Priority.Release);
  }

  /** Puts a thuiszitter on the waiting list; care starts when a slot is granted. */
  refer(episode: Episode): void {
    episode.careToken = this.resource.request(episode, episodeGranted, THUISZITTER_KEY);
  }

  grantEpisode(episode: Episode): void {
    episode.careStart = this.sim.now;
    const weeks = episode.planned.careService;
    this.sim.after(weeks, episodeRelease, episode, Priority.Release);
    this.onEpisodeCareCost(episode, weeks, false);
    this.onEpisodeStarted(episode);
  }

  /**
   * Starts care now outside the slots (the casusregisseur places "regardless of waiting lists", 004 6.7;
   * Utrecht's alternative within two weeks, 002). Returns false if care had already started.
   */
  bypass(episode: Episode): boolean {
    if (!Number.isNaN(episode.careStart)) return false;
    if (episode.careToken !== null && !this.resource.withdraw(episode.careToken)) return false;
    episode.careToken = null;
    episode.careStart = this.sim.now;
    this.onEpisodeCareCost(episode, episode.planned.careService, true);
    this.onEpisodeStarted(episode);
    return true;
  }

  /** Leaves the waiting list when the episode ends before care starts. */
  leave(episode: Episode): void {
    if (episode.careToken !== null && Number.isNaN(episode.careStart)) {
      this.resource.withdraw(episode.careToken);
      episode.careToken = null;
    }
  }

  release(token: RequestToken): void {
    this.resource.release(token);
  }
}

function backgroundArrival(pool: CarePool): void {
  pool.arriveBackground();
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

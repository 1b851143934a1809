// Individual learning routes (maatwerk: part-time education with care, 004 6.4 and advice 4) for children
// who would otherwise hold an art. 5a exemption. With exemptions abolished every such child needs a place
// here; while none is free the child is at home and counts as a thuiszitter. The places start occupied by
// the stock of routes a region would already run, with the rest of their length (as the care pools do).
import { Priority } from '../engine/priority.js';
import type { RandomStreams } from '../engine/random.js';
import { Resource } from '../engine/resource.js';
import type { RequestToken } from '../engine/resource.js';
import type { Simulation } from '../engine/simulation.js';
import type { Episode } from './episode.js';
import { residualHoldWeeks } from './exemption-hold.js';

interface StartingRoute {
  places: MaatwerkPlaces;
  token: RequestToken | null;
}

export class MaatwerkPlaces {
  readonly resource: Resource<Episode | StartingRoute>;

  constructor(
    private readonly sim: Simulation,
    streams: RandomStreams,
    level: number,
    capacity: number,
    startingRoutes: number,
    renewal: number,
    private readonly granted: (episode: Episode) => void,
  ) {
    this.resource = new Resource(sim, { name: `maatwerk.${level}`, capacity });
    const rng = streams.stream('maatwerk.start', level);
    const n = Math.min(startingRoutes, capacity);
    for (let i = 0; i < n; i++) {
      const weeks = residualHoldWeeks(rng.next(), rng.next(), renewal);
      const route: StartingRoute = { places: this, token: null };
      route.token = this.resource.request(route, () => undefined);
      sim.after(weeks, releaseStarting, route, Priority.Release);
    }
  }

  request(episode: Episode): void {
    episode.maatwerkToken = this.resource.request(episode, episodeGranted, 0);
  }

  grant(episode: Episode): void {
    this.sim.after(episode.maatwerkWeeks, releaseEpisode, episode, Priority.Release);
    this.granted(episode);
  }

  leave(episode: Episode): void {
    const token = episode.maatwerkToken;
    if (token !== null && !token.granted) {
      episode.maatwerkToken = null;
      this.resource.withdraw(token);
    }
  }

  release(token: RequestToken): void {
    this.resource.release(token);
  }
}

function releaseStarting(route: StartingRoute): void {
  if (route.token !== null) route.places.release(route.token);
}

function episodeGranted(item: Episode | StartingRoute): void {
  const episode = item as Episode;
  episode.model.maatwerk[episode.level]!.grant(episode);
}

function releaseEpisode(episode: Episode): void {
  if (episode.maatwerkToken !== null) episode.model.maatwerk[episode.level]!.release(episode.maatwerkToken);
}

// One replication of a scenario: build the region, run warm-up, measured years and follow-up, then turn
// the episodes into metrics. Episodes still open at the end of the follow-up are recorded as 'open'
// (censored): they count as "no offer yet" in the duration metrics.
import { Priority } from '../engine/priority.js';
import { RandomStreams } from '../engine/random.js';
import { Simulation } from '../engine/simulation.js';
import type { Scenario } from '../../scenarios/schema.js';
import { CARE_TYPES } from '../../scenarios/schema.js';
import type { EpisodeSink } from './episode-record.js';
import { onTrialEnded } from './care-referral.js';
import { RegionModel } from './model.js';
import { onCareStarted } from './offer.js';
import { scheduleRelapse, startOnsets } from './onset.js';
import { onMaatwerkGranted } from './pathway.js';

export type { EpisodeRecord, EpisodeSink } from './episode-record.js';

export interface ReplicationOutput {
  metrics: Record<string, number | null>;
  /** The same metrics for each measured school year alone, in order (labels: schoolYearLabels of the scenario's start). */
  years: Array<Record<string, number | null>>;
  weekly: Record<string, number[]>;
  histograms: Record<string, number[]>;
  events: number;
  episodes: number;
}

/** Samples each care type's waiting list (both school levels) at the start of every measured week. */
function sampleQueues(m: RegionModel): void {
  for (const type of CARE_TYPES) {
    let length = 0;
    for (const pools of m.care) length += pools[type].resource.queueLength;
    m.measures.sampleCareQueue(type, length);
  }
  const next = m.sim.now + 1;
  if (next < m.measuredEnd) m.sim.at(next, sampleQueues, m, Priority.HorizonEnd);
}

/** Builds one replication's region with the pathway wired in and its onsets started, ready to run. */
export function buildRegion(scenario: Scenario, seed: number, replication: number, sink?: EpisodeSink): { sim: Simulation; model: RegionModel } {
  const sim = new Simulation();
  const streams = new RandomStreams(seed, replication);
  const m = new RegionModel(sim, streams, scenario, replication, sink, {
    careStarted: onCareStarted,
    trialEnded: onTrialEnded,
    maatwerkGranted: onMaatwerkGranted,
    relapse: scheduleRelapse,
  });
  startOnsets(m);
  return { sim, model: m };
}

export function runReplication(scenario: Scenario, seed: number, replication: number, sink?: EpisodeSink): ReplicationOutput {
  const { sim, model: m } = buildRegion(scenario, seed, replication, sink);
  // A census: it sees each week as it stood when the week began, before that instant's events.
  sim.at(m.measuredStart, sampleQueues, m, Priority.HorizonEnd);
  sim.run(m.horizon);
  for (const episode of m.open) m.record(episode);
  const { metrics, years, weekly, histograms } = m.measures.finish(m.ledger);
  return { metrics, years, weekly, histograms, events: sim.eventsProcessed, episodes: m.episodesInPeriod };
}

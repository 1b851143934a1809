// One row per episode for `--episodes`: the week (simulated time in weeks since the start of the run) at
// which each stage was reached, null when it was not. Flat and versioned so a streaming writer can emit
// CSV or JSON lines without knowing the model.
import type { Sector } from '../../scenarios/schema.js';
import type { Body, EndKind, OnsetKind } from './vocabulary.js';

export const EPISODE_RECORD_VERSION = 2;

export interface EpisodeRecord {
  replication: number;
  /** Stable across scenarios for the same seed: assigned in onset order of a policy-independent stream. */
  pupilId: number;
  /** 0 for a first episode, 1.. for relapses of the same pupil. */
  episodeIndex: number;
  sector: Sector;
  onsetKind: OnsetKind;
  /** An authorised absence that hides an underlying problem (the hidden group of 004 6.1). */
  masked: boolean;
  careType: 'none' | 'ambulant' | 'ggz' | 'specialist';
  onsetWeek: number;
  /** Week from which the legal definition (unauthorised or not enrolled) counts the absence. */
  legalWeek: number | null;
  detectionWeek: number | null;
  mdtWeek: number | null;
  referralWeek: number | null;
  careStartWeek: number | null;
  impasseWeek: number | null;
  impasseCause: 'place' | 'funding' | 'parents' | 'care' | null;
  /** First week each escalation body took up the case. */
  escalationWeek: Record<Body, number | null>;
  offerWeek: number | null;
  attendanceWeek: number | null;
  endWeek: number | null;
  endKind: EndKind;
}

/** Where finished episodes go; never holds them itself (a national run has a million rows). */
export interface EpisodeSink {
  write(record: EpisodeRecord): void;
}

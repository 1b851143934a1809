// Onsets: one Poisson process per (sector, onset kind), each on its own stream, so the same pupils start
// the same episodes at the same times under every policy (common random numbers). Pupil ids are
// sequential per process and interleaved: id = sequence * 16 + process code. Each onset makes the same
// draws whatever the policy (prevented?, illness length); prevention thins with that per-pupil
// uniform, so the pupils it prevents are the same in every scenario that prevents at least as much.
import { PoissonArrivals } from '../engine/poisson-arrivals.js';
import { Priority } from '../engine/priority.js';
import type { Rng } from '../engine/random.js';
import type { Scenario, Sector } from '../../scenarios/schema.js';
import { SECTORS } from '../../scenarios/schema.js';
import { Episode } from './episode.js';
import { exemptionHoldWeeks, meanHoldWeeks, residualHoldWeeks } from './exemption-hold.js';
import type { RegionModel } from './model.js';
import type { PupilNeeds } from './pupil.js';
import { drawNeeds, episodeEntity } from './pupil.js';
import { startCase } from './pathway.js';
import type { OnsetKind } from './vocabulary.js';
import { BODIES, WEEKS_PER_YEAR, levelOf } from './vocabulary.js';

/**
 * Onset processes per sector: the three onset kinds, with authorised absence split (Poisson thinning) into
 * masked cases and genuine illness, and the direct exemption route (parents apply on medical or
 * psychological grounds). Illness has no pathway, so its process only runs while it can touch the measured
 * period (from a year before it), which saves most of a national run's events.
 */
const PROCESS_KINDS = ['unauthorised', 'masked', 'not-enrolled', 'illness', 'exemption'] as const;
type ProcessKind = (typeof PROCESS_KINDS)[number];
const PROCESSES = SECTORS.length * PROCESS_KINDS.length;

interface OnsetProcess {
  model: RegionModel;
  sector: Sector;
  kind: ProcessKind;
  code: number;
  rng: Rng;
}

function perThousand(scenario: Scenario, sector: Sector, kind: ProcessKind): number {
  const o = scenario.onset;
  const masked = o.maskedShareOfAuthorised;
  switch (kind) {
    case 'unauthorised': return o.unauthorisedPerThousand[sector];
    case 'masked': return o.authorisedPerThousand[sector] * masked;
    case 'illness': return o.authorisedPerThousand[sector] * (1 - masked);
    case 'not-enrolled': return o.notEnrolledPerThousand[sector];
    case 'exemption': return scenario.escalation.exemption.directPerThousand[sector];
  }
}

/**
 * The yearly trend of a process's rate, from the first measured year on: pupil numbers for every process,
 * and the incidence of thuiszitten for the case processes (the exemption route follows pupil numbers only).
 */
function trendOf(m: RegionModel, sector: Sector, kind: ProcessKind): (year: number) => number {
  const t = m.scenario.trend;
  const pupils = 1 + t.pupilsPerYear[sector];
  const onset = kind === 'exemption' ? 1 : 1 + t.onsetPerYear[sector];
  return (year) => (pupils * onset) ** year;
}

export function startOnsets(m: RegionModel): void {
  SECTORS.forEach((sector, s) => {
    PROCESS_KINDS.forEach((kind, k) => {
      const ratePerWeek = m.rateOver((v) => (v.region.pupils[sector] * perThousand(v, sector, kind)) / 1000 / WEEKS_PER_YEAR, trendOf(m, sector, kind));
      if (typeof ratePerWeek === 'number' ? ratePerWeek <= 0 : ratePerWeek.never) return;
      const illness = kind === 'illness';
      const process: OnsetProcess = {
        model: m,
        sector,
        kind,
        code: s * PROCESS_KINDS.length + k,
        rng: m.streams.stream('pupil.onset', `${sector}.${kind}`),
      };
      // Cases keep arriving through the follow-up so queues stay loaded while the measured cohort finishes.
      const until = illness ? m.measuredEnd : m.horizon;
      new PoissonArrivals(m.sim, process.rng, ratePerWeek, until, Priority.Admission, process, onOnset).start(
        illness ? Math.max(0, m.measuredStart - WEEKS_PER_YEAR) : 0,
      );
      if (kind === 'exemption') startingExemptions(m, sector, typeof ratePerWeek === 'number' ? ratePerWeek : ratePerWeek.at(0));
    });
  });
}

function onOnset(p: OnsetProcess, sequence: number): void {
  const m = p.model;
  const now = m.sim.now;
  const id = sequence * PROCESSES + p.code;
  const uPrevented = p.rng.next();
  // Only illness draws a length here: other processes' onset times must not depend on how many
  // uniforms the illness distribution happens to use.
  const illnessWeeks = p.kind === 'illness' ? m.durations.illness.sample(p.rng) : 0;
  if (p.kind === 'illness') {
    recordIllness(m, id, p.sector, now, now + illnessWeeks);
    return;
  }
  if (p.kind === 'exemption') {
    directExemption(m, id, p.sector, now);
    return;
  }
  const prevention = m.scenario.policy.prevention;
  if (prevention.enabled && uPrevented < prevention.onsetReduction) return;
  const kind: OnsetKind = p.kind === 'masked' ? 'authorised' : p.kind;
  createCase(m, id, 0, p.sector, kind, p.kind === 'masked', now, null);
}

/**
 * Parents apply for an art. 5a exemption on medical or psychological grounds (DOMAIN.md, lever 4). Allowed:
 * the child holds it, renewed per school year. Abolished (advice 4): the child needs an individual learning
 * route instead, and is at home until a maatwerk place is free. The years held are drawn from the pupil's
 * own stream either way, so both scenarios see the same children for the same time.
 */
function directExemption(m: RegionModel, id: number, sector: Sector, now: number): void {
  const e = m.scenario.escalation.exemption;
  const weeks = exemptionHoldWeeks(m.streams.stream('pupil.exemption', id).next(), e.renewalProbability);
  if (m.scenario.policy.exemptions === 'allowed') {
    m.measures.exemptionHeld(now, now + weeks, 'direct');
    return;
  }
  createCase(m, id, 0, sector, 'maatwerk', false, now, null, weeks);
}

/** The exemptions already held when the run starts (the stationary stock), each with the rest of its length. */
function startingExemptions(m: RegionModel, sector: Sector, ratePerWeek: number): void {
  if (m.scenario.policy.exemptions !== 'allowed') return;
  const renewal = m.scenario.escalation.exemption.renewalProbability;
  const rng = m.streams.stream('exemption.start', sector);
  const n = Math.round(ratePerWeek * meanHoldWeeks(renewal));
  for (let i = 0; i < n; i++) m.measures.exemptionHeld(0, residualHoldWeeks(rng.next(), rng.next(), renewal), 'stock');
}

/** A relapse: the same pupil, a new episode, from time t. */
export function scheduleRelapse(previous: Episode, t: number): void {
  previous.model.sim.at(t, onRelapse, previous, Priority.Admission);
}

function onRelapse(previous: Episode): void {
  const m = previous.model;
  createCase(m, previous.pupilId, previous.episodeIndex + 1, previous.sector, 'unauthorised', false, m.sim.now, previous.needs);
}

function createCase(
  m: RegionModel,
  pupilId: number,
  episodeIndex: number,
  sector: Sector,
  kind: OnsetKind,
  masked: boolean,
  onset: number,
  previous: PupilNeeds | null,
  maatwerkWeeks = 0,
): void {
  const entity = episodeEntity(pupilId, episodeIndex);
  const needs = drawNeeds(m.streams, m.scenario, entity, sector, onset, m.schools[sector].length, previous, m.durations.spontaneous);
  const legalStart = kind === 'authorised' ? NaN : onset;
  const ep = new Episode(
    pupilId,
    episodeIndex,
    sector,
    levelOf(sector),
    kind,
    masked,
    onset,
    legalStart,
    needs,
    m.streams.stream('pupil.timing', entity),
    m.streams.stream('pupil.decisions', entity),
    (body) => m.streams.stream(`pupil.handling.${body}`, entity),
  );
  ep.model = m;
  ep.maatwerkWeeks = maatwerkWeeks;
  startCase(m, ep);
}

/** Genuine illness: at home for its natural length, no pathway; only the all-absence count sees it. */
function recordIllness(m: RegionModel, pupilId: number, sector: Sector, onset: number, end: number): void {
  if (m.measures.inPeriod(onset)) m.episodesInPeriod++;
  m.measures.illness(pupilId, onset, end);
  if (m.scenario.policy.absenceDistinction === 'abolished') {
    m.ledger.charge('swv', m.scenario.costs.absenceFollowUpEurPerEpisode, onset, 'absence_follow_up');
  }
  if (m.sink === undefined) return;
  const open = end > m.horizon;
  m.sink.write({
    replication: m.replication,
    pupilId,
    episodeIndex: 0,
    sector,
    onsetKind: 'authorised',
    masked: false,
    careType: 'none',
    onsetWeek: onset,
    legalWeek: null,
    detectionWeek: null,
    mdtWeek: null,
    referralWeek: null,
    careStartWeek: null,
    impasseWeek: null,
    impasseCause: null,
    escalationWeek: Object.fromEntries(BODIES.map((b) => [b, null])) as Record<(typeof BODIES)[number], null>,
    offerWeek: null,
    attendanceWeek: open ? null : end,
    endWeek: open ? null : end,
    endKind: open ? 'open' : 'attendance',
  });
}

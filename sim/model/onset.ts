// Onsets: one Poisson process per (sector, onset kind), each on its own stream, so the same pupils start
// the same episodes at the same times under every policy (common random numbers). Pupil ids are
// sequential per process and interleaved: id = sequence * 16 + process code. Each onset makes the same
// draws whatever the policy (prevented?, illness length); prevention thins with that per-pupil
// uniform, so the pupils it prevents are the same in every scenario that prevents at least as much.
import { Priority } from '../engine/priority.js';
import type { Rng } from '../engine/random.js';
import type { Sector } from '../../scenarios/schema.js';
import { SECTORS } from '../../scenarios/schema.js';
import { Episode } from './episode.js';
import type { RegionModel } from './model.js';
import type { PupilNeeds } from './pupil.js';
import { drawNeeds, episodeEntity } from './pupil.js';
import { onCareStarted, startCase } from './pathway.js';
import type { OnsetKind } from './vocabulary.js';
import { BODIES, WEEKS_PER_YEAR, levelOf } from './vocabulary.js';

/**
 * Onset processes per sector: the three onset kinds, with authorised absence split (Poisson thinning) into
 * masked cases and genuine illness. Illness has no pathway, so its process only runs while it can touch the
 * measured period (from a year before it), which saves most of a national run's events.
 */
const PROCESS_KINDS = ['unauthorised', 'masked', 'not-enrolled', 'illness'] as const;
type ProcessKind = (typeof PROCESS_KINDS)[number];
const PROCESSES = SECTORS.length * PROCESS_KINDS.length;

interface OnsetProcess {
  model: RegionModel;
  sector: Sector;
  kind: ProcessKind;
  code: number;
  rng: Rng;
  ratePerWeek: number;
  sequence: number;
  until: number;
}

export function startOnsets(m: RegionModel): void {
  m.careStartedHandler = onCareStarted;
  m.relapseHandler = (ep, t) => m.sim.at(t, onRelapse, ep, Priority.Admission);
  const o = m.scenario.onset;
  SECTORS.forEach((sector, s) => {
    PROCESS_KINDS.forEach((kind, k) => {
      const masked = o.maskedShareOfAuthorised;
      const perThousand =
        kind === 'unauthorised'
          ? o.unauthorisedPerThousand[sector]
          : kind === 'masked'
            ? o.authorisedPerThousand[sector] * masked
            : kind === 'illness'
              ? o.authorisedPerThousand[sector] * (1 - masked)
              : o.notEnrolledPerThousand[sector];
      const ratePerWeek = (m.scenario.region.pupils[sector] * perThousand) / 1000 / WEEKS_PER_YEAR;
      if (ratePerWeek <= 0) return;
      const illness = kind === 'illness';
      const process: OnsetProcess = {
        model: m,
        sector,
        kind,
        code: s * PROCESS_KINDS.length + k,
        rng: m.streams.stream('pupil.onset', `${sector}.${kind}`),
        ratePerWeek,
        sequence: 0,
        // Cases keep arriving through the follow-up so queues stay loaded while the measured cohort finishes.
        until: illness ? m.measuredEnd : m.horizon,
      };
      scheduleNext(process, illness ? Math.max(0, m.measuredStart - WEEKS_PER_YEAR) : 0);
    });
  });
}

function scheduleNext(p: OnsetProcess, from: number): void {
  const t = from - Math.log(1 - p.rng.next()) / p.ratePerWeek;
  if (t < p.until) p.model.sim.at(t, onOnset, p, Priority.Admission);
}

function onOnset(p: OnsetProcess): void {
  const m = p.model;
  const now = m.sim.now;
  const id = p.sequence * PROCESSES + p.code;
  p.sequence++;
  const uPrevented = p.rng.next();
  // Only illness draws a length here: other processes' onset times must not depend on how many
  // uniforms the illness distribution happens to use.
  const illnessWeeks = p.kind === 'illness' ? m.durations.illness.sample(p.rng) : 0;
  scheduleNext(p, now);
  if (p.kind === 'illness') {
    recordIllness(m, id, p.sector, now, now + illnessWeeks);
    return;
  }
  const prevention = m.scenario.policy.prevention;
  if (prevention.enabled && uPrevented < prevention.onsetReduction) return;
  const kind: OnsetKind = p.kind === 'masked' ? 'authorised' : p.kind;
  createCase(m, id, 0, p.sector, kind, p.kind === 'masked', now, null);
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
  startCase(m, ep);
}

/** Genuine illness: at home for its natural length, no pathway; only the all-absence count sees it. */
function recordIllness(m: RegionModel, pupilId: number, sector: Sector, onset: number, end: number): void {
  if (m.measures.inPeriod(onset)) m.episodesInPeriod++;
  m.measures.illness(onset, end);
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

// One CSV row per episode, written as the model finishes each one: a national run has far too many
// episodes to hold, so rows are buffered in small blocks and appended to the file.
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import type { EpisodeRecord, EpisodeSink } from '../../sim/model/episode-record.js';
import { BODIES } from '../../sim/model/vocabulary.js';
import { csvLine } from '../output/csv.js';

export const EPISODE_COLUMNS: readonly string[] = [
  'replication', 'pupil_id', 'episode_index', 'sector', 'onset_kind', 'masked', 'care_type',
  'onset_week', 'legal_week', 'detection_week', 'mdt_week', 'referral_week', 'care_start_week',
  'impasse_week', 'impasse_cause',
  ...BODIES.map((body) => `${body}_week`),
  'offer_week', 'attendance_week', 'end_week', 'end_kind',
];

function episodeRow(r: EpisodeRecord): string {
  return csvLine([
    r.replication, r.pupilId, r.episodeIndex, r.sector, r.onsetKind, r.masked ? 'true' : 'false',
    // A missing value is an empty cell in every file, so 'no care needed' is one too.
    r.careType === 'none' ? '' : r.careType,
    r.onsetWeek, r.legalWeek, r.detectionWeek, r.mdtWeek, r.referralWeek, r.careStartWeek,
    r.impasseWeek, r.impasseCause ?? '',
    ...BODIES.map((body) => r.escalationWeek[body]),
    r.offerWeek, r.attendanceWeek, r.endWeek, r.endKind,
  ]);
}

export function episodeHeader(): string {
  return csvLine(EPISODE_COLUMNS);
}

/**
 * Appends rows to a file; `close()` flushes what is buffered and syncs the file to disk: the item's
 * result is stored (and counts as done) after this, so a power loss cannot leave a done item with
 * part of its rows.
 */
export class EpisodeCsvWriter implements EpisodeSink {
  private readonly descriptor: number;
  private buffer: string[] = [];
  private buffered = 0;

  constructor(file: string) {
    this.descriptor = openSync(file, 'w');
  }

  write(record: EpisodeRecord): void {
    const row = episodeRow(record);
    this.buffer.push(row);
    this.buffered += row.length;
    // 64 KiB blocks: few system calls, and memory that does not grow with the run.
    if (this.buffered >= 65_536) this.flush();
  }

  close(): void {
    try {
      this.flush();
      fsyncSync(this.descriptor);
    } finally {
      closeSync(this.descriptor);
    }
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    writeSync(this.descriptor, this.buffer.join(''));
    this.buffer = [];
    this.buffered = 0;
  }
}

// Invariants every replication must keep, checked on its episode records and metrics. Violations are
// collected as text and asserted once, so a failure lists every broken rule (and checking stays fast).
import { expect } from 'vitest';
import type { EpisodeRecord, ReplicationOutput } from '../../sim/model/index.js';
import { BODIES } from '../../sim/model/index.js';

export function invariantViolations(records: readonly EpisodeRecord[], output: ReplicationOutput): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const r of records) {
    const key = `${r.pupilId}.${r.episodeIndex}`;
    const fail = (rule: string) => problems.push(`episode ${key}: ${rule}`);
    if (seen.has(key)) fail('written twice');
    seen.add(key);
    if ((r.endKind === 'open') !== (r.endWeek === null)) fail('open exactly when it has no end week');
    if (r.endWeek !== null && r.endWeek < r.onsetWeek) fail('negative duration');
    if ((r.attendanceWeek !== null) !== (r.endKind === 'attendance')) fail('attendance week exactly when ended by attendance');
    for (const w of [r.detectionWeek, r.mdtWeek, r.referralWeek, r.careStartWeek, r.impasseWeek, r.offerWeek, r.attendanceWeek]) {
      if (w !== null && w < r.onsetWeek) fail('stage before onset');
      if (w !== null && r.endWeek !== null && w > r.endWeek + 1e-9) fail('stage after end');
    }
    if (r.offerWeek !== null && r.attendanceWeek !== null && r.offerWeek > r.attendanceWeek) fail('offer after attendance');
    if (r.careStartWeek !== null && (r.referralWeek === null || r.careStartWeek < r.referralWeek)) fail('care before referral');
    if (r.endKind === 'exemption' && r.escalationWeek.vrijstelling === null) fail('exemption without the exemption route');
    for (const body of BODIES) {
      const w = r.escalationWeek[body];
      if (w !== null && w < r.onsetWeek) fail(`${body} before onset`);
    }
  }
  for (const [name, value] of Object.entries(output.metrics)) {
    if (value !== null && !(Number.isFinite(value) && value >= 0)) problems.push(`metric ${name} = ${value}`);
  }
  for (const [name, series] of Object.entries(output.weekly)) {
    if (series.some((v) => v < 0)) problems.push(`weekly ${name} negative`);
  }
  const share = output.metrics['share_offer_within_13_weeks'];
  if (share !== null && share !== undefined && share > 1) problems.push('share above 1');
  return problems;
}

export function checkInvariants(records: readonly EpisodeRecord[], output: ReplicationOutput): void {
  expect(invariantViolations(records, output).slice(0, 10)).toEqual([]);
}

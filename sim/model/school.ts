// Schools: registration quality, whether they have an MDT and when it meets, and youth-health presence.
// Traits come from per-school uniforms thresholded against the shares, so raising a share (the prevention
// lever) upgrades the same schools in every replication instead of redrawing them all.
import type { RandomStreams } from '../engine/random.js';
import type { Scenario, Sector } from '../../scenarios/schema.js';

export interface School {
  goodRegistration: boolean;
  hasMdt: boolean;
  youthHealth: boolean;
  /** MDT meetings fall at phase + k * cadence. */
  mdtPhase: number;
  mdtCadence: number;
}

export function makeSchools(streams: RandomStreams, scenario: Scenario, sector: Sector): School[] {
  const count = Math.max(1, scenario.region.schools[sector]);
  const prevention = scenario.policy.prevention;
  const on = prevention.enabled;
  const s = scenario.school;
  const cadence = on ? Math.min(prevention.mdtCadenceWeeks, s.mdtCadenceWeeks) : s.mdtCadenceWeeks;
  const schools: School[] = [];
  for (let i = 0; i < count; i++) {
    const rng = streams.stream('school.traits', `${sector}.${i}`);
    const uRegistration = rng.next();
    const uMdt = rng.next();
    const uYouthHealth = rng.next();
    const uPhase = rng.next();
    schools.push({
      goodRegistration: (on && prevention.registrationOnOrder) || uRegistration < s.shareGoodRegistration,
      hasMdt: (on && prevention.mdtInEverySchool) || uMdt < s.shareWithMdt,
      youthHealth: (on && prevention.youthHealthInEverySchool) || uYouthHealth < s.shareYouthHealthPresent,
      mdtPhase: uPhase * cadence,
      mdtCadence: cadence,
    });
  }
  return schools;
}

/** The first MDT meeting at or after t: a case waits for the next meeting (003: 4-6 weeks in some schools). */
export function nextMdtMeeting(school: School, t: number): number {
  const k = Math.ceil((t - school.mdtPhase) / school.mdtCadence);
  return school.mdtPhase + Math.max(0, k) * school.mdtCadence;
}

// The one table of escalation bodies that meet on cases: where each body's parameters live in the scenario
// and who pays for it. Meetings, handling times, success chances and costs are all read from here, so a
// body is described once (the model, the impasse routes and the costs used to map it four times).
import type { Scenario } from '../../scenarios/schema.js';
import type { DistributionSpec } from '../engine/distributions/spec.js';

export const MEETING_BODIES = ['leerplicht', 'actietafel', 'om', 'rvdk', 'interventieteam', 'doorbraakteam', 'arbitrage'] as const;
export type MeetingBodyName = (typeof MEETING_BODIES)[number];

export interface BodySpec {
  cadenceWeeks: number;
  slotsPerMeeting: number;
  handlingWeeks: DistributionSpec;
  successProbability: number;
  costEurPerCase: number;
}

/** Who pays a body's cost per case: one budget, or SWV and municipality half each (joint tables). */
export type BodyFunder = 'gemeente' | 'rijk' | 'shared';

export interface BodyEntry {
  spec: BodySpec;
  funder: BodyFunder;
}

export function bodyTable(s: Scenario): Record<MeetingBodyName, BodyEntry> {
  const e = s.escalation;
  const r = s.policy.casusregisseur;
  return {
    leerplicht: { spec: e.leerplicht, funder: 'gemeente' },
    actietafel: { spec: e.actietafel, funder: 'shared' },
    om: { spec: e.om, funder: 'rijk' },
    rvdk: { spec: e.rvdk, funder: 'rijk' },
    interventieteam: { spec: e.interventieteam.body, funder: 'shared' },
    doorbraakteam: { spec: r.doorbraakteam, funder: 'shared' },
    arbitrage: { spec: r.arbitrationBody, funder: 'shared' },
  };
}

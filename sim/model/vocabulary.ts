// The model's fixed vocabularies: onset kinds, end kinds, escalation bodies, stages and budgets. Output keys
// (`escalations.<body>`, `weeks_in_stage.<stage>`, `cost_eur.<budget>`) are built from these lists, so a
// report can rely on every key being present in every scenario.
import type { Sector } from '../../scenarios/schema.js';

/**
 * 'maatwerk': a child who would have held an art. 5a exemption on medical or psychological grounds and,
 * with exemptions abolished, needs an individual learning route instead (004 6.4).
 */
export const ONSET_KINDS = ['unauthorised', 'authorised', 'not-enrolled', 'maatwerk'] as const;
export type OnsetKind = (typeof ONSET_KINDS)[number];

/** How an episode ends; 'open' marks one still running at the end of the follow-up (censored). */
export const END_KINDS = ['attendance', 'exemption', 'aged-out', 'moved-away', 'open'] as const;
export type EndKind = (typeof END_KINDS)[number];

/** Escalation bodies in the order a stuck case usually meets them (DOMAIN.md, actors). */
export const BODIES = [
  'school_regie',
  'leerplicht',
  'actietafel',
  'casusregisseur',
  'doorbraakteam',
  'arbitrage',
  'om',
  'rvdk',
  'interventieteam',
  'vrijstelling',
] as const;
export type Body = (typeof BODIES)[number];
export const BODY_INDEX: Readonly<Record<Body, number>> = Object.fromEntries(BODIES.map((b, i) => [b, i])) as Record<Body, number>;

/**
 * Stages an episode waits in, in pathway order. They partition the time from onset to attendance, so the
 * mean weeks per stage add up to the mean time at home ("where the weeks go").
 */
export const STAGES = [
  'detection', 'school_regie', 'mdt_wait', 'place_search', 'negotiation', 'impasse', 'care_wait', 'maatwerk_wait', 'care_after_offer',
] as const;
export type Stage = (typeof STAGES)[number];
export const STAGE_INDEX: Readonly<Record<Stage, number>> = Object.fromEntries(STAGES.map((s, i) => [s, i])) as Record<Stage, number>;

export const BUDGETS = ['swv', 'gemeente', 'rijk', 'pot'] as const;
export type Budget = (typeof BUDGETS)[number];

/** Who finally pays: the bundled pot is attributed to the SWV and the municipality (004 6.7: 50/50, or as set). */
export const FUNDERS = ['swv', 'gemeente', 'rijk'] as const;
export type Funder = (typeof FUNDERS)[number];

/** What a euro was spent on: each escalation body, and the regular pathway's own items. */
export const COST_ITEMS = [
  ...BODIES,
  'mdt', 'arrangement', 'care', 'maatwerk', 'absence_follow_up',
] as const;
export type CostItem = (typeof COST_ITEMS)[number];

/**
 * Primary (PO, SO) and secondary (VO, VSO) education have separate samenwerkingsverbanden (DOMAIN.md:
 * about 75 of each), so every capacity-limited body and care pool exists once per level. Keeping the
 * levels apart also means a policy that touches only secondary pupils cannot move a primary pupil's path.
 */
/** 0 = primary, 1 = secondary. */
export type Level = 0 | 1;
export function levelOf(sector: Sector): Level {
  return sector === 'PO' || sector === 'SO' ? 0 : 1;
}

export { WEEKS_PER_YEAR } from '../../scenarios/calendar.js';
/** The thuiszitter threshold of 002/003: more than four weeks at home. */
export const THUISZITTER_WEEKS = 4;
/** The Thuiszitterspact goal of 002/004: no child at home longer than three months (13 weeks). */
export const GOAL_WEEKS = 13;


// The domain schema of a scenario: the single source of the Scenario type. Every field has a default
// for the embedded default region (about 1/75 of the Netherlands), so `{}` parses to the baseline;
// provenance of every numeric default lives in provenance.ts. Objects are strict and numbers ranged,
// so a typo or an impossible value is an error naming the field. Time unit: weeks.
import { z } from 'zod';
import { distributionSpecSchema } from '../sim/engine/distributions/spec.js';
import type { DistributionSpec } from '../sim/engine/distributions/spec.js';
import { currentSchoolYearStart, parseIsoDate } from './calendar.js';
import { checkConsistency } from './consistency.js';
import { goalListSchema } from './goal.js';
import { checkTimeline } from './timeline-check.js';

const count = (max: number, value: number) => z.number().int().min(0).max(max).default(value);
const real = (min: number, max: number, value: number) => z.number().min(min).max(max).default(value);
const probability = (value: number) => real(0, 1, value);
const distribution = (spec: DistributionSpec) => distributionSpecSchema.default(spec);
const gamma = (mean: number, sd: number) => distribution({ type: 'gamma', mean, sd });

export const SECTORS = ['PO', 'SO', 'VO', 'VSO'] as const;
export type Sector = (typeof SECTORS)[number];
export const CARE_TYPES = ['ambulant', 'ggz', 'specialist'] as const;
export type CareType = (typeof CARE_TYPES)[number];
export const COMPLEXITY_LEVELS = ['simple', 'complicated', 'complex', 'chaotic', 'stagnation'] as const;

/** One number per sector, each with its own default. */
/** Category weights: each 0-100, at least one above 0 (all zero would silently pick the last category). */
const weights = <K extends string>(values: Record<K, number>, what: string) => {
  const shape = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, real(0, 100, v as number)])) as Record<K, ReturnType<typeof real>>;
  return z
    .strictObject(shape)
    .refine((w) => Object.values(w).some((v) => (v as number) > 0), { message: `${what} weights are all 0 (expected at least one above 0)` })
    // Every field has a default, so {} is a valid input; the generic shape hides that from the type.
    .prefault({} as never);
};

const perSector = (max: number, values: Record<Sector, number>, integer = false) => {
  const field = (value: number) => (integer ? count(max, value) : real(0, max, value));
  return z
    .strictObject({ PO: field(values.PO), SO: field(values.SO), VO: field(values.VO), VSO: field(values.VSO) })
    .prefault({});
};

const regionSchema = z
  .strictObject({
    pupils: perSector(5_000_000, { PO: 19_400, SO: 473, VO: 13_270, VSO: 510 }, true),
    schools: perSector(100_000, { PO: 91, SO: 2, VO: 8, VSO: 2 }, true),
  })
  .prefault({});

const onsetSchema = z
  .strictObject({
    unauthorisedPerThousand: perSector(200, { PO: 0.315, SO: 1.275, VO: 1.275, VSO: 2.55 }),
    authorisedPerThousand: perSector(1000, { PO: 110, SO: 150, VO: 130, VSO: 160 }),
    notEnrolledPerThousand: perSector(100, { PO: 0.7, SO: 4.1, VO: 1.65, VSO: 11 }),
    maskedShareOfAuthorised: probability(0.006),
    illnessWeeks: distribution({ type: 'lognormal', mean: 1.6, sd: 1.6 }),
    relapseProbability: probability(0.15),
    relapseGapWeeks: gamma(20, 15),
    moveAwayPerYear: real(0, 1, 0.04),
  })
  .prefault({});

const needsSchema = z
  .strictObject({
    complexity: weights({ simple: 0.6, complicated: 0.22, complex: 0.11, chaotic: 0.05, stagnation: 0.02 }, 'complexity'),
    escalationPerWeek: real(0, 1, 0.03),
    /** Chance that the child needs youth care, by starting rung: care need and complexity go together (004 5.1). */
    careNeedByLevel: z
      .strictObject({
        simple: probability(0.3),
        complicated: probability(0.7),
        complex: probability(0.85),
        chaotic: probability(0.9),
        stagnation: probability(0.95),
      })
      .prefault({}),
    /** Which care, for a child who needs care (weights). */
    careType: weights({ ambulant: 0.5, ggz: 0.35, specialist: 0.15 }, 'careType'),
    educationSupportShare: probability(0.5),
    parentsCooperativeShare: probability(0.7),
  })
  .prefault({});

const detectionSchema = z
  .strictObject({
    goodRegistrationWeeks: distribution({ type: 'exponential', mean: 0.5 }),
    poorRegistrationWeeks: distribution({ type: 'exponential', mean: 3 }),
    notEnrolledWeeks: distribution({ type: 'exponential', mean: 0.5 }),
    maskedConversionWeeks: gamma(12, 8),
    youthHealthCheckWeeks: distribution({ type: 'exponential', mean: 2 }),
  })
  .prefault({});

const schoolSchema = z
  .strictObject({
    shareGoodRegistration: probability(0.6),
    shareWithMdt: probability(0.7),
    shareYouthHealthPresent: probability(0.2),
    mdtCadenceWeeks: real(0.5, 26, 5),
    noMdtReferralWeeks: gamma(6, 3),
    simpleResolutionWeeks: gamma(1.5, 1),
  })
  .prefault({});

const pathwaySchema = z
  .strictObject({
    ownSchoolReturnWeeks: gamma(2, 1.5),
    placeSearchWeeks: gamma(7, 5),
    complexityDelayPerLevel: real(0, 5, 0.5),
    negotiationWeeks: gamma(6, 4),
    impasseByLevel: z
      .strictObject({
        complicated: probability(0.12),
        complex: probability(0.45),
        chaotic: probability(0.7),
        stagnation: probability(0.95),
      })
      .prefault({}),
    uncooperativeImpasseFactor: real(1, 10, 1.8),
    impasseCause: weights({ place: 0.4, funding: 0.2, parents: 0.4 }, 'impasseCause'),
    spontaneousResolutionWeeks: distribution({ type: 'exponential', mean: 120 }),
    successDecayPerLevel: real(0, 1, 0.75),
  })
  .prefault({});

const careTypeSchema = (capacity: number, service: DistributionSpec, background: number, waiting: number, weeklyCost: number) =>
  z
    .strictObject({
      capacity: count(1_000_000, capacity),
      serviceWeeks: distribution(service),
      backgroundReferralsPerYear: real(0, 10_000_000, background),
      initialWaiting: count(10_000_000, waiting),
      discipline: z.enum(['fifo', 'thuiszitter-priority']).default('fifo'),
      alternativeWithinWeeks: z.union([z.number().min(0).max(104), z.null()]).default(null),
      weeklyCostEur: real(0, 100_000, weeklyCost),
    })
    .prefault({});

const careSchema = z
  .strictObject({
    ambulant: careTypeSchema(60, { type: 'gamma', mean: 16, sd: 8 }, 165, 8, 350),
    ggz: careTypeSchema(44, { type: 'gamma', mean: 26, sd: 13 }, 74, 18, 700),
    specialist: careTypeSchema(20, { type: 'gamma', mean: 40, sd: 20 }, 21, 6, 2500),
    careBeforeAttendance: z.strictObject({ ambulant: z.boolean().default(false), ggz: z.boolean().default(true), specialist: z.boolean().default(true) }).prefault({}),
    /** Chance that the fitting offer itself depends on the care (a day-treatment arrangement): then no offer before care starts. */
    offerDependsOnCare: z.strictObject({ ambulant: probability(0.1), ggz: probability(0.5), specialist: probability(0.7) }).prefault({}),
    /** A child whose offer waits for care this long since referral is a stuck case: the wait becomes an impasse. */
    waitImpasseWeeks: real(0, 520, 14),
    /** Stepped care (001): a share of children needing GGZ or specialist care first get ambulant care for a trial. */
    steppedCare: z
      .strictObject({ share: probability(0.3), trialWeeks: gamma(8, 4) })
      .prefault({}),
    /** Yearly budget for care bought outside the contracted slots (alternatives, bought capacity), at the bypass premium. */
    extraCareBudgetEurPerYear: real(0, 1e10, 400_000),
  })
  .prefault({});

/** A body that takes cases at meetings: cadence, places per meeting, handling time, chance of a breakthrough. */
const bodySchema = (cadence: number, slots: number, handling: DistributionSpec, success: number, cost: number) =>
  z
    .strictObject({
      cadenceWeeks: real(0.1, 52, cadence),
      slotsPerMeeting: count(100_000, slots),
      handlingWeeks: distribution(handling),
      successProbability: probability(success),
      costEurPerCase: real(0, 1_000_000, cost),
    })
    .prefault({});

/** Bodies a ladder step can refer an impasse to: the case tables and teams that meet on stuck cases. */
export const LADDER_BODIES = ['actietafel', 'interventieteam', 'doorbraakteam', 'arbitrage'] as const;

/**
 * One rung of an escalation ladder: after `afterWeeks` (counted from the impasse, the detection or the
 * onset) a case still in impasse goes to `body`; a failed attempt is retried every `retryWeeks`, or the
 * case moves on to the next rung (null).
 */
const ladderStepSchema = z.strictObject({
  body: z.enum(LADDER_BODIES),
  from: z.enum(['impasse', 'detection', 'onset']).default('impasse'),
  afterWeeks: z.number().min(0).max(520),
  retryWeeks: z.union([z.number().min(1).max(104), z.null()]).default(null),
  sectors: z.array(z.enum(SECTORS)).min(1).default(['PO', 'SO', 'VO', 'VSO']),
});
export type LadderStep = z.infer<typeof ladderStepSchema>;

const escalationSchema = z
  .strictObject({
    /**
     * The escalation ladder as data. null: today's ladder, built from actietafelAfterWeeks,
     * actietafelRetryWeeks and interventieteam (sim/model/ladder.ts); a list replaces those fields.
     */
    ladder: z.union([z.array(ladderStepSchema).max(20), z.null()]).default(null),
    leerplicht: bodySchema(1, 1000, { type: 'gamma', mean: 3, sd: 1.5 }, 0.2, 600),
    leerplichtAfterWeeks: real(0, 52, 2),
    actietafel: bodySchema(4, 6, { type: 'gamma', mean: 4, sd: 2 }, 0.2, 2500),
    actietafelAfterWeeks: real(0, 52, 6),
    actietafelRetryWeeks: real(1, 52, 13),
    om: bodySchema(1, 1000, { type: 'uniform', min: 7, max: 9 }, 0.2, 3000),
    rvdk: bodySchema(1, 3, { type: 'gamma', mean: 14, sd: 4 }, 0.5, 6000),
    rvdkMinimumLevel: count(4, 3),
    interventieteam: z
      .strictObject({
        enabled: z.boolean().default(false),
        sectors: z.array(z.enum(SECTORS)).default(['VO', 'VSO']),
        afterWeeks: real(0, 52, 10),
        body: bodySchema(0.2, 100, { type: 'uniform', min: 0.3, max: 2.3 }, 0.75, 5000),
      })
      .prefault({}),
    exemption: z
      .strictObject({
        applyProbability: probability(0.35),
        applyAfterWeeks: gamma(12, 8),
        decisionWeeks: gamma(6, 3),
        grantProbability: probability(0.85),
        costEurPerCase: real(0, 1_000_000, 1200),
        /** Direct route: parents apply on medical or psychological grounds, per 1,000 pupils a year. */
        directPerThousand: perSector(100, { PO: 0.191, SO: 3.915, VO: 0.322, VSO: 5.22 }),
        /** Chance an exemption is renewed at the start of the next school year. */
        renewalProbability: probability(0.75),
      })
      .prefault({}),
  })
  .prefault({});

const costsSchema = z
  .strictObject({
    schoolRegieEurPerCase: real(0, 1_000_000, 400),
    mdtEurPerCase: real(0, 1_000_000, 900),
    supportArrangementEur: real(0, 10_000_000, 12_000),
    combinedArrangementEur: real(0, 10_000_000, 20_000),
    /** Extra school and youth-doctor work per authorised-absence episode once every absence is acted on. */
    absenceFollowUpEurPerEpisode: real(0, 100_000, 120),
    waitingListBypassPremium: real(0, 10, 0.25),
  })
  .prefault({});

const casusregisseurSchema = z
  .strictObject({
    enabled: z.boolean().default(false),
    startWeek: real(0, 52, 4),
    bypassWaitingLists: z.boolean().default(true),
    forcePlace: z.boolean().default(true),
    forcePlaceWeeks: gamma(2, 1),
    /** Chance that a forced place actually comes about (objection, appeal, no place at all). */
    forcePlaceSuccessProbability: probability(0.25),
    /** How a bypass of the waiting list gets its care: the next free slot ahead of everyone, or care bought outside the slots. */
    bypassMode: z.enum(['front-of-queue', 'buy-extra']).default('front-of-queue'),
    /** Sectors the casusregisseur works for. */
    sectors: z.array(z.enum(SECTORS)).min(1).default(['PO', 'SO', 'VO', 'VSO']),
    /** Staff cost of one caseload place for a year (a casusregisseur's salary over the cases one carries). */
    staffCostEurPerPlacePerYear: real(0, 1_000_000, 6000),
    fund5050: z.boolean().default(true),
    caseload: count(1_000_000, 40),
    breakthroughWeek: real(0, 104, 12),
    earlyBreakthroughWeek: real(0, 104, 8),
    doorbraakteam: bodySchema(4, 6, { type: 'gamma', mean: 4, sd: 2 }, 0.25, 4000),
    arbitration: z.boolean().default(true),
    arbitrationConsentProbability: probability(0.7),
    arbitrationBody: bodySchema(2, 2, { type: 'gamma', mean: 4, sd: 1.5 }, 0.85, 5000),
    omReferralWeek: real(0, 104, 13),
  })
  .prefault({});

const preventionSchema = z
  .strictObject({
    enabled: z.boolean().default(false),
    registrationOnOrder: z.boolean().default(true),
    mdtInEverySchool: z.boolean().default(true),
    mdtCadenceWeeks: real(0.5, 26, 2),
    youthHealthInEverySchool: z.boolean().default(true),
    escalationReduction: probability(0.3),
    onsetReduction: probability(0),
  })
  .prefault({});

const policySchema = z
  .strictObject({
    absenceDistinction: z.enum(['authorised-unauthorised', 'abolished']).default('authorised-unauthorised'),
    casusregisseur: casusregisseurSchema,
    budgets: z
      .strictObject({
        mode: z.enum(['separate', 'bundled']).default('separate'),
        potEurPerYear: real(0, 1e10, 600_000),
        /** The SWV's share of the bundled pot (004 6.7: 50/50); the municipality pays the rest. */
        potShareSwv: probability(0.5),
      })
      .prefault({}),
    exemptions: z.enum(['allowed', 'abolished']).default('allowed'),
    /** Individual learning routes (maatwerk) for children who would have held an exemption, once exemptions are abolished. */
    maatwerk: z
      .strictObject({ places: count(1_000_000, 80), weeklyCostEur: real(0, 100_000, 600) })
      .prefault({}),
    /** Doorbraakteam and arbitration as the route out of an impasse without a casusregisseur (004 section 4 point 9). */
    breakthroughWithoutRegie: z.boolean().default(false),
    /** School-place guarantee (002): no child waits longer than `weeks` for a school place, kept with chance `compliance`. */
    schoolPlaceGuarantee: z
      .strictObject({ enabled: z.boolean().default(false), weeks: real(0, 52, 6), compliance: probability(0.8) })
      .prefault({}),
    /** Part-time education with care counts as a fitting offer while full care is awaited (003). */
    partTimeOffer: z.boolean().default(false),
    prevention: preventionSchema,
  })
  .prefault({});

const isoDate = z.string().refine((text) => parseIsoDate(text) !== null, { message: 'expected a date written YYYY-MM-DD, for example 2025-08-01' });

/**
 * Today, for the default start: the machine's clock, or THUISZIT_TODAY (YYYY-MM-DD) where a run must not
 * depend on the day it is made (tests, a rerun of last year's projection).
 */
function today(): Date {
  const stated = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.['THUISZIT_TODAY'];
  const date = stated === undefined ? null : parseIsoDate(stated);
  return date === null ? new Date() : new Date(Date.UTC(date.year, date.month - 1, date.day));
}

const timelineEntrySchema = z.strictObject({
  /** The date the change takes effect (a ramp starts). */
  from: isoDate,
  /** 0: a switch at `from`; more: numeric values move in weekly steps to their targets over this many years. */
  rampYears: real(0, 20, 0),
  /** Dot paths (as --set takes them) and the values they take. */
  set: z.record(z.string(), z.unknown()),
});

/** A yearly relative change per sector; a single number applies to every sector. */
const yearlyChange = z.preprocess(
  (v) => (typeof v === 'number' ? { PO: v, SO: v, VO: v, VSO: v } : v),
  perSectorSigned().prefault({}),
);

function perSectorSigned() {
  const field = () => real(-0.5, 0.5, 0);
  return z.strictObject({ PO: field(), SO: field(), VO: field(), VSO: field() });
}

const trendSchema = z
  .strictObject({
    /** Pupil numbers change by this share each school year after the first (demography). */
    pupilsPerYear: yearlyChange,
    /** Onset rates per thousand pupils change by this share each school year after the first (incidence). */
    onsetPerYear: yearlyChange,
  })
  .prefault({});

/** Every field but the timeline's own check: the schema each dated version of a scenario must meet. */
export const scenarioFieldsSchema = z.strictObject({
  name: z.string().min(1).default('baseline'),
  description: z.string().default('Today\'s practice in a typical region of about 1/75 of the Netherlands.'),
  /** The first day of the first measured school year: labels the years and places the timeline's dates. */
  start: isoDate.default(() => currentSchoolYearStart(today())),
  warmupYears: count(20, 6),
  measuredYears: z.number().int().min(1).max(20).default(1),
  followUpYears: count(10, 3),
  timeline: z.array(timelineEntrySchema).default([]),
  trend: trendSchema,
  region: regionSchema,
  onset: onsetSchema,
  needs: needsSchema,
  detection: detectionSchema,
  school: schoolSchema,
  pathway: pathwaySchema,
  care: careSchema,
  escalation: escalationSchema,
  costs: costsSchema,
  policy: policySchema,
  goal: goalListSchema,
}).superRefine(checkConsistency);

export const scenarioSchema = scenarioFieldsSchema.superRefine((scenario, ctx) => checkTimeline(scenario, ctx, scenarioFieldsSchema));

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;

// The domain schema of a scenario: the single source of the Scenario type. Every field has a default
// for the embedded default region (about 1/75 of the Netherlands), so `{}` parses to the baseline;
// provenance of every numeric default lives in provenance.ts. Objects are strict and numbers ranged,
// so a typo or an impossible value is an error naming the field. Time unit: weeks.
import { z } from 'zod';
import { distributionSpecSchema } from '../sim/engine/distributions/spec.js';
import type { DistributionSpec } from '../sim/engine/distributions/spec.js';

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
    unauthorisedPerThousand: perSector(200, { PO: 0.75, SO: 3, VO: 3, VSO: 6 }),
    authorisedPerThousand: perSector(1000, { PO: 110, SO: 150, VO: 130, VSO: 160 }),
    notEnrolledPerThousand: perSector(100, { PO: 0.25, SO: 1.5, VO: 0.6, VSO: 4 }),
    maskedShareOfAuthorised: probability(0.006),
    illnessWeeks: distribution({ type: 'lognormal', mean: 1.6, sd: 1.6 }),
    relapseProbability: probability(0.15),
    relapseGapWeeks: gamma(20, 15),
    moveAwayPerYear: real(0, 1, 0.04),
  })
  .prefault({});

const needsSchema = z
  .strictObject({
    complexity: z
      .strictObject({
        simple: real(0, 100, 0.6),
        complicated: real(0, 100, 0.22),
        complex: real(0, 100, 0.11),
        chaotic: real(0, 100, 0.05),
        stagnation: real(0, 100, 0.02),
      })
      .prefault({}),
    escalationPerWeek: real(0, 1, 0.03),
    careType: z
      .strictObject({ none: real(0, 100, 0.45), ambulant: real(0, 100, 0.28), ggz: real(0, 100, 0.19), specialist: real(0, 100, 0.08) })
      .prefault({}),
    educationSupportShare: probability(0.5),
    parentsCooperativeShare: probability(0.7),
  })
  .prefault({});

const detectionSchema = z
  .strictObject({
    goodRegistrationWeeks: distribution({ type: 'exponential', mean: 0.5 }),
    poorRegistrationWeeks: distribution({ type: 'exponential', mean: 3 }),
    notEnrolledWeeks: distribution({ type: 'exponential', mean: 8 }),
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
    impasseCause: z.strictObject({ place: real(0, 100, 0.4), funding: real(0, 100, 0.2), parents: real(0, 100, 0.4) }).prefault({}),
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

const escalationSchema = z
  .strictObject({
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
    casusregisseurEurPerCase: real(0, 1_000_000, 4000),
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
    fund5050: z.boolean().default(true),
    caseload: count(1_000_000, 40),
    breakthroughWeek: real(0, 104, 12),
    earlyBreakthroughWeek: real(0, 104, 8),
    doorbraakteam: bodySchema(1, 4, { type: 'gamma', mean: 2, sd: 1 }, 0.6, 6000),
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
      .strictObject({ mode: z.enum(['separate', 'bundled']).default('separate'), potEurPerYear: real(0, 1e10, 600_000) })
      .prefault({}),
    exemptions: z.enum(['allowed', 'abolished']).default('allowed'),
    prevention: preventionSchema,
  })
  .prefault({});

export const scenarioSchema = z.strictObject({
  name: z.string().min(1).default('baseline'),
  description: z.string().default('Today\'s practice in a typical region of about 1/75 of the Netherlands.'),
  warmupYears: count(20, 2),
  measuredYears: z.number().int().min(1).max(20).default(1),
  followUpYears: count(10, 3),
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
});

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;

// A pupil's latent needs, drawn once per episode from streams keyed by the pupil (common random numbers:
// the same pupil has the same needs, school and decision draws under every scenario). Draw counts are
// fixed per stream, so adding a policy never shifts another pupil's or another quantity's numbers.
import type { RandomStreams, Rng } from '../engine/random.js';
import type { Distribution } from '../engine/distributions/distribution.js';
import type { CareType, Scenario, Sector } from '../../scenarios/schema.js';
import { CARE_TYPES, COMPLEXITY_LEVELS } from '../../scenarios/schema.js';
import { WEEKS_PER_YEAR } from './vocabulary.js';

export interface PupilNeeds {
  /** Starting rung on the ladder of effectiveness (0 simple .. 4 stagnation; 004 5.1). */
  complexity: number;
  /** Absolute weeks at which the situation climbs one more rung while the child is at home (004 5.3). */
  stepTimes: number[];
  careType: 'none' | CareType;
  /** Needs extra education support (a place elsewhere or an arrangement), not just a return. */
  support: boolean;
  /** Parents cooperate with school and partners (informed consent, 004 6.5). */
  cooperative: boolean;
  age: number;
  /** Week of birth: a relapse is the same child, older by the weeks in between. */
  birthWeek: number;
  schoolIndex: number;
  /** Earliest of ageing out and moving away, and which it is. */
  exitTime: number;
  exitKind: 'aged-out' | 'moved-away';
  /** Fixed uniforms for the decisions whose probability depends on policy or timing. */
  uImpasse: number;
  uCause: number;
  uApplyExemption: number;
  uGrantExemption: number;
  uConsent: number;
  uRelapse: number;
  /** Whether the fitting offer depends on the care starting (compared with care.offerDependsOnCare). */
  uOfferNeedsCare: number;
  /** Whether this child's care starts with a stepped-care trial (compared with care.steppedCare.share). */
  uStepped: number;
  /** Whether forcing a school place works for this child (compared with forcePlaceSuccessProbability). */
  uForce: number;
  /** Whether the school-place guarantee is kept for this child (compared with its compliance). */
  uGuarantee: number;
  /** When the situation would resolve on its own (family circumstances change), whatever the policy. */
  spontaneousTime: number;
}

const AGE_RANGE: Readonly<Record<Sector, readonly [number, number]>> = {
  PO: [4.5, 12],
  SO: [4.5, 12],
  VO: [12, 17],
  // Below the ageing-out age: a case that starts at 18 is no longer the leerplicht's (004 6.1).
  VSO: [12, 18],
};
/** Kwalificatieplicht ends at 18 (004 6.1): the model's ageing-out age. */
const AGE_OUT = 18;

function pick(weights: readonly number[], u: number): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  for (let i = 0; i < weights.length; i++) {
    acc += weights[i] as number;
    if (u * total < acc) return i;
  }
  return weights.length - 1;
}

function exponentialUnit(rng: Rng): number {
  return -Math.log(1 - rng.next());
}

/**
 * The stream entity of an episode: the pupil id for a first episode, `id.index` for a relapse, so a
 * relapse does not replay the first episode's draws.
 */
export function episodeEntity(pupilId: number, episodeIndex: number): number | string {
  return episodeIndex === 0 ? pupilId : `${pupilId}.${episodeIndex}`;
}

export function drawNeeds(
  streams: RandomStreams,
  scenario: Scenario,
  entity: number | string,
  sector: Sector,
  onset: number,
  schools: number,
  previous: PupilNeeds | null,
  spontaneous: Distribution,
): PupilNeeds {
  const rng = streams.stream('pupil.needs', entity);
  const n = scenario.needs;
  const complexityWeights = COMPLEXITY_LEVELS.map((level) => n.complexity[level]);
  const careWeights = CARE_TYPES.map((t) => n.careType[t]);
  const drawnComplexity = pick(complexityWeights, rng.next());
  // A relapse is the same child in the same situation: it does not come back simpler than it started.
  const complexity = previous === null ? drawnComplexity : Math.max(drawnComplexity, previous.complexity);
  // Care need goes with complexity (004 5.1: higher rungs involve more parties, youth care among them).
  const needsCare = rng.next() < n.careNeedByLevel[COMPLEXITY_LEVELS[complexity] as (typeof COMPLEXITY_LEVELS)[number]];
  const careIndex = pick(careWeights, rng.next());
  // More complex situations more often need support beyond a return to the own school.
  const support = rng.next() < Math.min(1, n.educationSupportShare * (0.6 + 0.4 * complexity));
  const cooperative = rng.next() < n.parentsCooperativeShare;
  const [low, high] = AGE_RANGE[sector];
  const drawnAge = low + (high - low) * rng.next();
  const drawnSchool = Math.floor(rng.next() * Math.max(1, schools));
  const moveUnit = exponentialUnit(rng);
  const decisionUniforms = [rng.next(), rng.next(), rng.next(), rng.next(), rng.next(), rng.next()] as const;
  const policyUniforms = [rng.next(), rng.next(), rng.next(), rng.next()] as const;
  // A relapse is the same child: born the same week (so older now), same school.
  const birthWeek = previous === null ? onset - drawnAge * WEEKS_PER_YEAR : previous.birthWeek;
  const age = (onset - birthWeek) / WEEKS_PER_YEAR;
  const schoolIndex = previous === null ? drawnSchool : previous.schoolIndex;
  const ageOut = Math.max(onset, birthWeek + AGE_OUT * WEEKS_PER_YEAR);
  const moveRate = scenario.onset.moveAwayPerYear / WEEKS_PER_YEAR;
  const moveAway = moveRate > 0 ? onset + moveUnit / moveRate : Infinity;

  const escalationRng = streams.stream('pupil.escalation', entity);
  const reduction = scenario.policy.prevention.enabled ? scenario.policy.prevention.escalationReduction : 0;
  const rate = n.escalationPerWeek * (1 - reduction);
  const stepTimes: number[] = [];
  let t = onset;
  // Always the same number of unit draws (one per possible rung), and the same units whatever the rate, so
  // prevention slows the same pupil's climb rather than redrawing it, and the draw after them is stable.
  for (let level = 0; level < COMPLEXITY_LEVELS.length - 1; level++) {
    const unit = exponentialUnit(escalationRng);
    if (level >= complexity && rate > 0) {
      t += unit / rate;
      stepTimes.push(t);
    }
  }
  return {
    complexity,
    stepTimes,
    careType: needsCare ? (CARE_TYPES[careIndex] as CareType) : 'none',
    support,
    cooperative,
    age,
    birthWeek,
    schoolIndex,
    exitTime: Math.min(ageOut, moveAway),
    exitKind: ageOut <= moveAway ? 'aged-out' : 'moved-away',
    uImpasse: decisionUniforms[0],
    uCause: decisionUniforms[1],
    uApplyExemption: decisionUniforms[2],
    uGrantExemption: decisionUniforms[3],
    uConsent: decisionUniforms[4],
    uRelapse: decisionUniforms[5],
    uOfferNeedsCare: policyUniforms[0],
    uStepped: policyUniforms[1],
    uForce: policyUniforms[2],
    uGuarantee: policyUniforms[3],
    spontaneousTime: onset + spontaneous.sample(escalationRng),
  };
}

// The fixes of the model-fidelity review, one test each: every one of these failed against the model
// before its fix (see CHANGELOG.md). Paired comparisons share seed and replication (common random numbers).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../sim/engine/random.js';
import { makeDistribution } from '../../sim/engine/distributions/spec.js';
import { runReplication } from '../../sim/model/index.js';
import { splitCapacity } from '../../sim/model/meeting-body.js';
import { drawNeeds } from '../../sim/model/pupil.js';
import { buildRegion } from '../../sim/model/replication.js';
import { expectedOfferTime } from '../../sim/model/regie.js';
import { STAGE_INDEX, WEEKS_PER_YEAR } from '../../sim/model/vocabulary.js';
import type { ScenarioInput } from '../../scenarios/schema.js';
import { MemorySink, pairedDifference, scenario } from './helpers.js';

const SEED = 5;

function records(input: ScenarioInput, replication = 0): MemorySink {
  const sink = new MemorySink();
  runReplication(scenario(input), SEED, replication, sink);
  return sink;
}

describe('model fidelity fixes', () => {
  it('splitting a capacity over the two school levels keeps its total', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.double({ min: 0, max: 1, noNaN: true }), (total, share) => {
        const [a, b] = splitCapacity(total, share);
        expect(a + b).toBe(total);
        expect(a).toBeGreaterThanOrEqual(0);
        expect(b).toBeGreaterThanOrEqual(0);
      }),
    );
    expect(splitCapacity(1, 0.59)).toEqual([1, 0]);
  });

  it('a relapse does not come back simpler than the first episode started', () => {
    const s = scenario();
    const streams = new RandomStreams(SEED, 0);
    const spontaneous = makeDistribution(s.pathway.spontaneousResolutionWeeks);
    for (let id = 0; id < 200; id++) {
      const first = drawNeeds(streams, s, id, 'VO', 100, 8, null, spontaneous);
      const again = drawNeeds(streams, s, `${id}.1`, 'VO', 140, 8, first, spontaneous);
      expect(again.complexity).toBeGreaterThanOrEqual(first.complexity);
    }
  });

  it('the OM is reached "uiterlijk na 3 maanden": before week 13 when arbitration is refused early', () => {
    const sink = records({
      policy: { casusregisseur: { enabled: true, startWeek: 0, arbitrationConsentProbability: 0 } },
      pathway: { impasseCause: { place: 0, funding: 0, parents: 1 } },
    });
    const early = sink.records.filter((r) => r.escalationWeek.om !== null && r.escalationWeek.om < r.onsetWeek + 12);
    expect(early.length).toBeGreaterThan(0);
  });

  it('a breakthrough speeds the pending steps up but keeps them: the MDT still meets and care is still referred', () => {
    const sink = records({
      school: { mdtCadenceWeeks: 26, shareWithMdt: 1 },
      // No simple cases: those the school solves in dialogue never need an MDT.
      needs: { complexity: { simple: 0 } },
      pathway: { spontaneousResolutionWeeks: { type: 'exponential', mean: 1e7 } },
      policy: { casusregisseur: { enabled: true, doorbraakteam: { successProbability: 1, slotsPerMeeting: 1000 } } },
    });
    const broken = sink.records.filter(
      // Offers after the team met: the ones a breakthrough can have brought about (a simple case the school
      // solved before the meeting never needed an MDT).
      (r) =>
        r.escalationWeek.doorbraakteam !== null && r.impasseWeek === null && r.offerWeek !== null &&
        r.offerWeek >= r.escalationWeek.doorbraakteam && r.onsetKind !== 'not-enrolled',
    );
    expect(broken.length).toBeGreaterThan(20);
    for (const r of broken) {
      expect(r.mdtWeek, `pupil ${r.pupilId}`).not.toBeNull();
      if (r.careType !== 'none') expect(r.referralWeek, `pupil ${r.pupilId}`).not.toBeNull();
    }
  });

  it('a case waiting for its MDT is expected to get its offer after the MDT and the place search, not at the MDT', () => {
    const { sim, model } = buildRegion(scenario({ policy: { casusregisseur: { enabled: true } }, school: { mdtCadenceWeeks: 8 } }), SEED, 0);
    sim.run(3 * WEEKS_PER_YEAR);
    const waiting = [...model.open].filter((ep) => ep.stage === STAGE_INDEX.mdt_wait && ep.needs.support);
    expect(waiting.length).toBeGreaterThan(0);
    for (const ep of waiting) expect(expectedOfferTime(model, ep)).toBeGreaterThan(ep.pathTime + 0.5);
  });

  it('bundled budgets solve no funding quarrel for a case the pot did not pay: an empty pot equals separate budgets', () => {
    for (const replication of [0, 1]) {
      const separate = runReplication(scenario(), SEED, replication).metrics;
      const emptyPot = runReplication(scenario({ policy: { budgets: { mode: 'bundled', potEurPerYear: 0 } } }), SEED, replication).metrics;
      expect(emptyPot['over_13_weeks_legal']).toBe(separate['over_13_weeks_legal']);
      expect(emptyPot['median_weeks_to_offer']).toBe(separate['median_weeks_to_offer']);
    }
  });

  it('children who move away or age out stay in the duration cohort, censored at their exit', () => {
    const input: ScenarioInput = { onset: { moveAwayPerYear: 0.5 } };
    const sink = new MemorySink();
    const out = runReplication(scenario(input), SEED, 0, sink);
    const start = scenario(input).warmupYears * WEEKS_PER_YEAR;
    const cohort = sink.records.filter((r) => {
      if (r.onsetKind === 'authorised' && r.legalWeek === null && r.detectionWeek === null) return false;
      const end = r.endWeek ?? Infinity;
      return r.onsetWeek >= start && r.onsetWeek < start + WEEKS_PER_YEAR && end - r.onsetWeek > 4;
    });
    const left = cohort.filter((r) => r.endKind === 'moved-away' || r.endKind === 'aged-out');
    expect(left.length).toBeGreaterThan(0);
    expect(out.metrics['episodes_over_4_weeks']).toBe(cohort.length);
  });

  it('over_13_weeks counts pupils, once each, however many episodes they have in the year', () => {
    const input: ScenarioInput = { onset: { relapseProbability: 1, relapseGapWeeks: { type: 'gamma', mean: 1, sd: 0.5 } } };
    const sink = new MemorySink();
    const out = runReplication(scenario(input), SEED, 0, sink);
    const start = scenario(input).warmupYears * WEEKS_PER_YEAR;
    const end = start + WEEKS_PER_YEAR;
    const pupils = new Set<number>();
    let episodes = 0;
    for (const r of sink.records) {
      if (r.legalWeek === null) continue;
      const to = r.endWeek ?? Infinity;
      if (Math.max(start, r.legalWeek + 13) < Math.min(to, end)) {
        pupils.add(r.pupilId);
        episodes++;
      }
    }
    expect(episodes).toBeGreaterThan(pupils.size);
    expect(out.metrics['over_13_weeks_legal']).toBe(pupils.size);
  });

  it('a body is counted and paid at referral, also when its attempt never finishes', () => {
    const slow = runReplication(scenario({ escalation: { actietafel: { handlingWeeks: { type: 'gamma', mean: 400, sd: 10 } } } }), SEED, 0).metrics;
    expect(slow['escalations.actietafel']).toBeGreaterThan(5);
    expect(slow['cost_eur_item.actietafel']).toBeGreaterThan(0);
  });
});

describe('mechanisms that decide the policy answers', () => {
  const N = 12;
  const metric = (input: ScenarioInput, name: string) =>
    Array.from({ length: N }, (_, r) => runReplication(scenario(input), SEED, r).metrics[name] ?? NaN);

  it('less care capacity raises the number of pupils at home over 13 weeks (paired CI above 0)', () => {
    const less: ScenarioInput = { care: { ambulant: { capacity: 40 }, ggz: { capacity: 30 }, specialist: { capacity: 13 } } };
    const d = pairedDifference(metric({}, 'over_13_weeks_legal'), metric(less, 'over_13_weeks_legal'));
    expect(d.mean - 1.96 * d.se).toBeGreaterThan(0);
  });

  it('a casusregisseur who takes the next free slot makes the other clients wait longer', () => {
    const regie: ScenarioInput = { policy: { casusregisseur: { enabled: true, bypassMode: 'front-of-queue' } } };
    const d = pairedDifference(metric({}, 'care_wait_weeks_others.ggz'), metric(regie, 'care_wait_weeks_others.ggz'));
    expect(d.mean - 1.96 * d.se).toBeGreaterThan(0);
  });

  it('forcing a place that never works helps less than forcing that always works', () => {
    const force = (p: number): ScenarioInput => ({ policy: { casusregisseur: { enabled: true, forcePlaceSuccessProbability: p } } });
    const d = pairedDifference(metric(force(1), 'over_13_weeks_legal'), metric(force(0), 'over_13_weeks_legal'));
    expect(d.mean - 1.96 * d.se).toBeGreaterThan(0);
  });

  it('abolishing exemptions without maatwerk places adds thuiszitters; with ample places it adds far fewer', () => {
    const abolish = (places: number): ScenarioInput => ({ policy: { exemptions: 'abolished', maatwerk: { places } } });
    const d = pairedDifference(metric(abolish(1000), 'over_13_weeks_legal'), metric(abolish(0), 'over_13_weeks_legal'));
    expect(d.mean - 1.96 * d.se).toBeGreaterThan(0);
  });

  it('the direct exemption route is most of the stock of exemption holders', () => {
    const out = runReplication(scenario(), SEED, 0).metrics;
    expect(out['exempted_pupils']!).toBeGreaterThan(3 * out['exemptions_escape_route']! * 4);
  });
});

// The levers covenant designers and ministries asked for: each does what it says, on common random numbers.
import { describe, expect, it } from 'vitest';
import { runReplication } from '../../sim/model/index.js';
import type { ScenarioInput } from '../../scenarios/schema.js';
import { MemorySink, pairedDifference, scenario } from './helpers.js';

const SEED = 17;
const N = 10;

function records(input: ScenarioInput): MemorySink {
  const sink = new MemorySink();
  runReplication(scenario(input), SEED, 0, sink);
  return sink;
}

const metric = (input: ScenarioInput, name: string) =>
  Array.from({ length: N }, (_, r) => runReplication(scenario(input), SEED, r).metrics[name] ?? NaN);

describe('policy levers', () => {
  it('a casusregisseur for secondary education only leaves every primary child\'s path as in the baseline', () => {
    const primary = (input: ScenarioInput) => records(input).records.filter((r) => r.sector === 'PO' || r.sector === 'SO');
    const regie: ScenarioInput = { policy: { casusregisseur: { enabled: true, sectors: ['VO', 'VSO'] } } };
    expect(primary(regie)).toEqual(primary({}));
    const secondary = records(regie).records.filter((r) => r.sector === 'VO' && r.escalationWeek.casusregisseur !== null);
    expect(secondary.length).toBeGreaterThan(0);
  });

  it('doorbraakteam and arbitration work without a casusregisseur when asked (004 section 4 point 9)', () => {
    const sink = records({ policy: { breakthroughWithoutRegie: true } });
    expect(sink.records.some((r) => r.escalationWeek.doorbraakteam !== null)).toBe(true);
    expect(sink.records.every((r) => r.escalationWeek.casusregisseur === null)).toBe(true);
    expect(sink.records.every((r) => r.escalationWeek.actietafel === null)).toBe(true);
  });

  it('a school-place guarantee shortens the place search and never lengthens the median time to an offer', () => {
    const guarantee: ScenarioInput = { policy: { schoolPlaceGuarantee: { enabled: true } } };
    const search = pairedDifference(metric({}, 'weeks_in_stage.place_search'), metric(guarantee, 'weeks_in_stage.place_search'));
    expect(search.mean + 1.96 * search.se).toBeLessThan(0);
    const median = pairedDifference(metric({}, 'median_weeks_to_offer'), metric(guarantee, 'median_weeks_to_offer'));
    expect(median.mean).toBeLessThanOrEqual(3 * median.se);
  });

  it('part-time education as an offer ends the wait for care at home', () => {
    const out = runReplication(scenario({ policy: { partTimeOffer: true } }), SEED, 0).metrics;
    expect(out['weeks_in_stage.care_wait']).toBe(0);
    expect(out['weeks_in_stage.care_after_offer']).toBe(0);
    expect(runReplication(scenario(), SEED, 0).metrics['weeks_in_stage.care_wait']!).toBeGreaterThan(0);
  });

  it('costs per funder add up to the total, with the bundled pot attributed to SWV and municipality', () => {
    const m = runReplication(scenario({ policy: { budgets: { mode: 'bundled', potShareSwv: 0.3 } } }), SEED, 0).metrics;
    const funders = m['cost_eur_funder.swv']! + m['cost_eur_funder.gemeente']! + m['cost_eur_funder.rijk']!;
    expect(funders).toBeCloseTo(m['cost_eur_total']!, 6);
    expect(m['cost_eur.pot']!).toBeGreaterThan(0);
    expect(m['cost_eur_funder.swv']!).toBeCloseTo(m['cost_eur.swv']! + 0.3 * m['cost_eur.pot']!, 6);
  });

  it('abolishing the distinction is priced: every authorised absence acted on costs the follow-up', () => {
    const abolished = runReplication(scenario({ policy: { absenceDistinction: 'abolished' } }), SEED, 0).metrics;
    expect(abolished['cost_eur_item.absence_follow_up']).toBeCloseTo(abolished['new_episodes_authorised']! * 120, 6);
    expect(runReplication(scenario(), SEED, 0).metrics['cost_eur_item.absence_follow_up']).toBe(0);
  });
});

// Metamorphic tests paired on common random numbers: the same seed and replication under two scenarios.
// Tolerance: a one-sided bound of 3 standard errors of the paired differences over N replications, so a
// true effect in the forbidden direction would have to hide behind a 3-sigma fluctuation to pass.
import { describe, expect, it } from 'vitest';
import { runReplication } from '../../sim/model/index.js';
import type { ScenarioInput } from '../../scenarios/schema.js';
import { MemorySink, meanAndSe, pairedDifference, scenario } from './helpers.js';

const N = 16;
const SEED = 11;

function metric(input: ScenarioInput, name: string): number[] {
  const s = scenario(input);
  return Array.from({ length: N }, (_, r) => runReplication(s, SEED, r).metrics[name] ?? NaN);
}

describe('metamorphic relations (paired on common random numbers)', () => {
  it('doubling care capacity never raises the mean GGZ wait or lowers the share within 13 weeks', () => {
    const base: ScenarioInput = {};
    const doubled: ScenarioInput = { care: { ambulant: { capacity: 120 }, ggz: { capacity: 88 }, specialist: { capacity: 40 } } };
    const wait = pairedDifference(metric(base, 'care_wait_weeks.ggz'), metric(doubled, 'care_wait_weeks.ggz'));
    expect(wait.mean).toBeLessThanOrEqual(3 * wait.se);
    expect(wait.mean).toBeLessThan(0);
    const share = pairedDifference(metric(base, 'share_offer_within_13_weeks'), metric(doubled, 'share_offer_within_13_weeks'));
    expect(share.mean).toBeGreaterThanOrEqual(-3 * share.se);
  });

  it('shortening the MDT cadence never lengthens the median time to offer', () => {
    const d = pairedDifference(metric({ school: { mdtCadenceWeeks: 6 } }, 'median_weeks_to_offer'), metric({ school: { mdtCadenceWeeks: 1 } }, 'median_weeks_to_offer'));
    expect(d.mean).toBeLessThanOrEqual(3 * d.se);
  });

  it('abolish-exemptions gives zero exemptions', () => {
    const s = scenario({ policy: { exemptions: 'abolished' } });
    for (let r = 0; r < 4; r++) {
      const m = runReplication(s, SEED, r).metrics;
      expect(m['exemptions']).toBe(0);
      expect(m['escalations.vrijstelling']).toBe(0);
    }
    expect(meanAndSe(metric({}, 'exemptions')).mean).toBeGreaterThan(0);
  });

  it('zero onset gives zero of everything', () => {
    const zero = { PO: 0, SO: 0, VO: 0, VSO: 0 };
    const out = runReplication(
      scenario({
        onset: { unauthorisedPerThousand: zero, authorisedPerThousand: zero, notEnrolledPerThousand: zero },
        escalation: { exemption: { directPerThousand: zero } },
      }),
      SEED,
      0,
    );
    expect(out.episodes).toBe(0);
    for (const [name, value] of Object.entries(out.metrics)) {
      if (!name.startsWith('care_wait')) expect(value === null || value === 0, `${name} = ${value}`).toBe(true);
    }
    expect(out.metrics['care_wait_weeks.ggz']).toBeNull();
  });

  it('a region twice the size with the same rates gives about twice the counts', () => {
    const small: ScenarioInput = {};
    const big: ScenarioInput = {
      region: { pupils: { PO: 38_800, SO: 946, VO: 26_540, VSO: 1020 }, schools: { PO: 182, SO: 4, VO: 16, VSO: 4 } },
      care: {
        ambulant: { capacity: 120, backgroundReferralsPerYear: 330, initialWaiting: 16 },
        ggz: { capacity: 88, backgroundReferralsPerYear: 148, initialWaiting: 36 },
        specialist: { capacity: 40, backgroundReferralsPerYear: 42, initialWaiting: 12 },
      },
      escalation: { actietafel: { slotsPerMeeting: 12 }, rvdk: { slotsPerMeeting: 6 } },
    };
    for (const name of ['new_episodes', 'over_13_weeks_all']) {
      const a = meanAndSe(metric(small, name));
      const b = meanAndSe(metric(big, name));
      // Independent samples: |b - 2a| within 4 standard errors of that difference.
      expect(Math.abs(b.mean - 2 * a.mean)).toBeLessThanOrEqual(4 * Math.sqrt(b.se ** 2 + 4 * a.se ** 2));
    }
  });

  it('a policy that touches only VO leaves every PO child\'s path identical', () => {
    const run = (input: ScenarioInput) => {
      const sink = new MemorySink();
      runReplication(scenario(input), SEED, 0, sink);
      return sink.records.filter((r) => r.sector === 'PO');
    };
    const before = run({});
    const after = run({ escalation: { interventieteam: { enabled: true, sectors: ['VO'] } } });
    expect(after.length).toBe(before.length);
    expect(after).toEqual(before);
    const vo = (input: ScenarioInput) => {
      const sink = new MemorySink();
      runReplication(scenario(input), SEED, 0, sink);
      return sink.records.filter((r) => r.sector === 'VO' && r.escalationWeek.interventieteam !== null).length;
    };
    expect(vo({ escalation: { interventieteam: { enabled: true, sectors: ['VO'] } } })).toBeGreaterThan(0);
  });
});

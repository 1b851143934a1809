// The escalation ladder as data: today's shorthand fields and the same ladder written out give the same
// region to the last digit, and a ladder can send stuck cases to bodies the shorthand cannot (a
// doorbraakteam without a casusregisseur at week 12, 004).
import { describe, expect, it } from 'vitest';
import { runReplication } from '../../sim/model/index.js';
import type { ScenarioInput } from '../../scenarios/schema.js';
import { loadScenario } from '../../scenarios/load.js';
import { MemorySink, scenario } from './helpers.js';

const SEED = 9;

describe('escalation ladder', () => {
  it('the shorthand fields and the same ladder written out give identical metrics', () => {
    const shorthand: ScenarioInput = { escalation: { interventieteam: { enabled: true, afterWeeks: 10, sectors: ['VO', 'VSO'] } } };
    const explicit: ScenarioInput = {
      escalation: {
        ladder: [
          { body: 'actietafel', from: 'impasse', afterWeeks: 6, retryWeeks: 13 },
          { body: 'interventieteam', from: 'detection', afterWeeks: 10, sectors: ['VO', 'VSO'] },
        ],
      },
    };
    for (const replication of [0, 1]) {
      expect(runReplication(scenario(explicit), SEED, replication).metrics).toEqual(runReplication(scenario(shorthand), SEED, replication).metrics);
    }
  });

  it('a ladder with a doorbraakteam at week 12 and no casusregisseur refers stuck cases to it', () => {
    const sink = new MemorySink();
    runReplication(
      scenario({
        escalation: { ladder: [{ body: 'actietafel', afterWeeks: 6, retryWeeks: 13 }, { body: 'doorbraakteam', from: 'onset', afterWeeks: 12, retryWeeks: 13 }] },
      }),
      SEED,
      0,
      sink,
    );
    const reached = sink.records.filter((r) => r.escalationWeek.doorbraakteam !== null);
    expect(reached.length).toBeGreaterThan(0);
    for (const r of reached) expect(r.escalationWeek.doorbraakteam!).toBeGreaterThanOrEqual(r.onsetWeek + 12 - 1e-9);
  });

  it('an empty ladder leaves impasses to the other routes only: no action table', () => {
    const out = runReplication(scenario({ escalation: { ladder: [] } }), SEED, 0).metrics;
    expect(out['escalations.actietafel']).toBe(0);
    expect(out['escalations.leerplicht']).toBeGreaterThan(0);
  });

  it('the example Utrecht ladder file loads and runs', () => {
    const s = loadScenario('examples/scenarios/utrecht-ladder.yaml').scenario;
    expect(s.escalation.ladder?.length).toBe(2);
    expect(runReplication(s, SEED, 0).metrics['escalations.interventieteam']).toBeGreaterThan(0);
  });
});

// The casusregisseur's caseload is a resource: every place in use must belong to an open case.
// A place granted inside request() to a case that ended in the same call was once never given back.
import { describe, expect, it } from 'vitest';
import { Priority } from '../../sim/engine/priority.js';
import { buildRegion } from '../../sim/model/replication.js';
import { loadScenario } from '../../scenarios/load.js';

describe('casusregisseur caseload', () => {
  it('never holds a place for a case that has ended, checked every year of a dullaert run', () => {
    const scenario = loadScenario('dullaert').scenario;
    for (let replication = 0; replication < 2; replication++) {
      const { sim, model: m } = buildRegion(scenario, 1, replication);
      const checks: Array<{ week: number; level: number; inService: number; held: number }> = [];
      const census = (week: number): void => {
        for (const level of [0, 1] as const) {
          let held = 0;
          for (const ep of m.open) if (ep.level === level && ep.caseloadToken?.granted === true) held++;
          checks.push({ week, level, inService: m.caseload[level]!.inService, held });
        }
        if (week + 52 < m.horizon) sim.at(week + 52, census, week + 52, Priority.HorizonEnd);
      };
      sim.at(52, census, 52, Priority.HorizonEnd);
      sim.run(m.horizon);
      expect(checks.length).toBeGreaterThanOrEqual(8);
      for (const check of checks) expect(check.inService, `week ${check.week}, level ${check.level}`).toBe(check.held);
    }
  });
});
